package ollamatest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
)

// samplesDir holds the transcripts recorded from a real Ollama v0.17.4 (a copy of the
// project's shared ollama-samples, kept in the repository so the test runs anywhere).
const samplesDir = "testdata/samples"

// transcript is a recorded curl -i exchange.
type transcript struct {
	method      string
	path        string
	reqBody     string
	status      int
	contentType string
	chunked     bool
	length      int // Content-Length, -1 when chunked
	body        []byte
}

// readTranscript parses "$ curl -s -i -X METHOD PATH [-d 'BODY']" then the raw
// response; ok is false for files that are not such transcripts.
func readTranscript(path string) (transcript, bool, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return transcript{}, false, err
	}
	cmd, rest, _ := bytes.Cut(raw, []byte("\n"))
	f := strings.Fields(string(cmd))
	if len(f) < 7 || f[0] != "$" || f[1] != "curl" || f[4] != "-X" {
		return transcript{}, false, nil
	}
	t := transcript{method: f[5], path: f[6], length: -1}
	if _, body, ok := strings.Cut(string(cmd), " -d '"); ok {
		t.reqBody = strings.TrimSuffix(body, "'")
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(rest)), nil)
	if err != nil {
		return t, false, err
	}
	t.status = resp.StatusCode
	t.contentType = resp.Header.Get("Content-Type")
	t.chunked = len(resp.TransferEncoding) > 0
	t.length = int(resp.ContentLength)
	// The recorder stored the de-chunked body, everything after the headers,
	// plus a newline. Read it raw: a few bodies were sanitized (a local
	// resolver address replaced) and no longer match their Content-Length.
	_, body, _ := bytes.Cut(rest, []byte("\r\n\r\n"))
	t.body = bytes.TrimSuffix(body, []byte("\n"))
	return t, true, nil
}

// node is a JSON value with its object keys in order.
type node struct {
	kind  string // object, array, string, number, bool, null
	keys  []string
	vals  []node
	elems []node
	text  string // the scalar, as written
}

// parseOrdered decodes one JSON value keeping the key order.
func parseOrdered(b []byte) (node, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return parseNode(d)
}

func parseNode(d *json.Decoder) (node, error) {
	tok, err := d.Token()
	if err != nil {
		return node{}, err
	}
	switch v := tok.(type) {
	case json.Delim:
		return parseContainer(d, v)
	case string:
		return node{kind: "string", text: v}, nil
	case json.Number:
		return node{kind: "number", text: v.String()}, nil
	case bool:
		return node{kind: "bool", text: strconv.FormatBool(v)}, nil
	default:
		return node{kind: "null"}, nil
	}
}

func parseContainer(d *json.Decoder, open json.Delim) (node, error) {
	n := node{kind: "array"}
	if open == '{' {
		n.kind = "object"
	}
	for d.More() {
		if n.kind == "object" {
			k, err := d.Token()
			if err != nil {
				return n, err
			}
			n.keys = append(n.keys, k.(string))
		}
		v, err := parseNode(d)
		if err != nil {
			return n, err
		}
		if n.kind == "object" {
			n.vals = append(n.vals, v)
		} else {
			n.elems = append(n.elems, v)
		}
	}
	_, err := d.Token() // the closing delimiter
	return n, err
}

// get returns an object's member.
func (n node) get(key string) (node, bool) {
	for i, k := range n.keys {
		if k == key {
			return n.vals[i], true
		}
	}
	return node{}, false
}

// exactKeys are members whose value must equal the recorded one.
var exactKeys = map[string]bool{
	"error": true, "done": true, "done_reason": true, "model": true, "name": true, "version": true,
	"role": true, "status": true, "format": true, "family": true, "context_length": true,
	"general.architecture": true, "parameter_size": true, "quantization_level": true,
}

// shapeDiff compares the recorded value want with got: kinds, object keys and
// their order (recursively), array elements (each against the recorded one at
// the same index when the lengths match, else against the first), and the values of exactKeys. It returns the
// differences, prefixed with their path.
func shapeDiff(path string, want, got node) []string {
	if want.kind != got.kind {
		return []string{fmt.Sprintf("%s: type %s, want %s", path, got.kind, want.kind)}
	}
	switch want.kind {
	case "object":
		if strings.Join(want.keys, ",") != strings.Join(got.keys, ",") {
			return []string{fmt.Sprintf("%s: keys\n  got  %v\n  want %v", path, got.keys, want.keys)}
		}
		var diffs []string
		for i, k := range want.keys {
			p := path + "." + k
			diffs = append(diffs, shapeDiff(p, want.vals[i], got.vals[i])...)
			if exactKeys[k] && want.vals[i].kind != "object" && want.vals[i].text != got.vals[i].text {
				diffs = append(diffs, fmt.Sprintf("%s: %q, want %q", p, got.vals[i].text, want.vals[i].text))
			}
		}
		return diffs
	case "array":
		if len(want.elems) == 0 || len(got.elems) == 0 {
			return nil
		}
		var diffs []string
		for i, e := range got.elems {
			w := want.elems[0]
			if len(want.elems) == len(got.elems) {
				w = want.elems[i]
			}
			diffs = append(diffs, shapeDiff(fmt.Sprintf("%s[%d]", path, i), w, e)...)
		}
		return diffs
	}
	return nil
}

// lineKind classifies an NDJSON line: "done", "error", "status" or "token".
func lineKind(n node) string {
	if _, ok := n.get("error"); ok {
		return "error"
	}
	if d, ok := n.get("done"); ok && d.text == "true" {
		return "done"
	}
	if _, ok := n.get("status"); ok {
		return "status"
	}
	return "token"
}

// ndjson parses the lines of a stream body; each must end with "\n".
func ndjson(body []byte) ([]node, error) {
	if len(body) > 0 && !bytes.HasSuffix(body, []byte("\n")) {
		return nil, fmt.Errorf("stream does not end with a newline: %q", tail(body))
	}
	var out []node
	for _, l := range bytes.Split(bytes.TrimSuffix(body, []byte("\n")), []byte("\n")) {
		n, err := parseOrdered(l)
		if err != nil {
			return nil, fmt.Errorf("line %q: %w", l, err)
		}
		out = append(out, n)
	}
	return out, nil
}

func tail(b []byte) []byte {
	return b[max(0, len(b)-40):]
}

// runs collapses consecutive lines of the same kind: token,token,done → token,done.
func runs(lines []node) []string {
	var out []string
	for _, l := range lines {
		k := lineKind(l)
		if len(out) == 0 || out[len(out)-1] != k {
			out = append(out, k)
		}
	}
	return out
}

// streamDiff compares two streams: the same succession of line kinds, each
// line shaped like the first recorded line of its kind.
func streamDiff(want, got []node) []string {
	if w, g := strings.Join(runs(want), ","), strings.Join(runs(got), ","); w != g {
		return []string{fmt.Sprintf("line kinds %s, want %s", g, w)}
	}
	first := map[string]node{}
	for _, l := range want {
		if _, ok := first[lineKind(l)]; !ok {
			first[lineKind(l)] = l
		}
	}
	var diffs []string
	for i, l := range got {
		diffs = append(diffs, shapeDiff(fmt.Sprintf("line %d", i+1), first[lineKind(l)], l)...)
	}
	return diffs
}
