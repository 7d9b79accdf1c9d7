package imports

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/rapporteur/rapporteur/model"
)

// maxDepth is the deepest XML nesting a document part may have. Word and LibreOffice nest a
// few dozen levels even in tables of lists; hundreds mean a crafted file.
const maxDepth = 256

// xmlHandler receives the tokens of a document part from walkXML.
type xmlHandler interface {
	// start opens an element; returning true skips the element and all it contains.
	start(el xml.StartElement) (skip bool)
	// end closes an element that start did not skip.
	end(el xml.EndElement)
	// text receives character data outside skipped elements.
	text(data []byte)
}

// walkXML parses data as XML and passes its tokens to h. It counts the nesting depth in the
// token loop and refuses more than maxDepth levels (CodeTooComplex); a syntax error, an
// undefined entity or a non-UTF-8 encoding is CodeCorrupt. No DTD or external entity is read.
func walkXML(name string, data []byte, h xmlHandler) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	depth, skipFrom := 0, 0 // skipFrom: depth of the skipped element, 0 when none
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fail(name, CodeCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return &Error{Code: CodeTooComplex, Name: name, Limit: maxDepth, Unit: UnitLevels}
			}
			if skipFrom == 0 && h.start(t) {
				skipFrom = depth
			}
		case xml.EndElement:
			if skipFrom == 0 {
				h.end(t)
			} else if skipFrom == depth {
				skipFrom = 0
			}
			depth--
		case xml.CharData:
			if skipFrom == 0 {
				h.text(t)
			}
		}
	}
}

// attr returns the value of el's attribute with the local name local, whatever its
// namespace, or "".
func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// attrInt returns attr(el, local) as an integer clamped to [lo, hi], or def when it is absent
// or not a number.
func attrInt(el xml.StartElement, local string, def, lo, hi int) int {
	n, err := strconv.Atoi(strings.TrimSpace(attr(el, local)))
	if err != nil {
		return def
	}
	return min(max(n, lo), hi)
}

// finishDocument turns the Markdown a document reader wrote into an Imported, with the same
// checks and normalisation as a text file. The title is the document's own (Title style, else
// first heading), else the file name.
func finishDocument(name string, w *mdWriter, enc string) (Imported, error) {
	if w.full {
		return Imported{}, &Error{Code: CodeTooLarge, Name: name, Limit: model.MaxBodyLen, Unit: UnitCharacters}
	}
	body := normalize(w.out.String())
	if err := checkText(name, body); err != nil {
		return Imported{}, err
	}
	body = dropControls(body)
	title := clip(strings.Join(strings.Fields(dropControls(norm.NFC.String(w.docTitle()))), " "))
	if title == "" {
		title = nameTitle(name)
	}
	return Imported{Title: title, Body: body, Encoding: enc}, nil
}
