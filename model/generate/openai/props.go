package openai

import (
	"context"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"strings"
	"time"

	oai "github.com/openai/openai-go/v3"
)

// What servers tell of a model's context beyond the OpenAI API: vLLM lists max_model_len with
// each model of /v1/models; llama.cpp lists meta.n_ctx_train (what the model was trained
// for) and answers /props with the context it runs with
// (default_generation_settings.n_ctx); LM Studio and others may list a context_length or
// max_context_length.

// listedContext reads the context lengths a /v1/models entry tells beyond the API's fields:
// what the server runs the model with, and what it was trained for; 0 when it does not tell.
func listedContext(m oai.Model) (runs, trained int) {
	extra := m.JSON.ExtraFields
	for _, name := range []string{"max_model_len", "context_length", "max_context_length", "loaded_context_length"} {
		if f, ok := extra[name]; ok {
			if n := wholeNumber(f.Raw()); n > 0 {
				runs = n
				break
			}
		}
	}
	if f, ok := extra["meta"]; ok {
		var meta struct {
			NCtxTrain json.RawMessage `json:"n_ctx_train"`
		}
		if json.Unmarshal([]byte(f.Raw()), &meta) == nil {
			trained = wholeNumber(string(meta.NCtxTrain))
		}
	}
	return runs, trained
}

// wholeNumber reads a JSON number that is a sane context length, 0 otherwise.
func wholeNumber(raw string) int {
	var v float64
	if json.Unmarshal([]byte(raw), &v) != nil || !(v >= 1 && v <= maxContext) || v != math.Trunc(v) {
		return 0
	}
	return int(v)
}

// serverProps is what llama.cpp's /props says.
type serverProps struct {
	nCtx    int    // the context each slot runs with
	version string // build_info
}

// serverProps returns llama.cpp's /props, asked at most every listTTL; a server without it
// (any other) gives nothing.
func (c *Client) serverProps(ctx context.Context) serverProps {
	c.mu.Lock()
	p, at := c.props, c.propsAt
	c.mu.Unlock()
	if !at.IsZero() && time.Since(at) < listTTL {
		return p
	}
	var raw struct {
		Settings struct {
			NCtx json.RawMessage `json:"n_ctx"`
		} `json:"default_generation_settings"`
		BuildInfo string `json:"build_info"`
	}
	if c.getJSON(ctx, "/props", &raw) {
		p = serverProps{nCtx: wholeNumber(string(raw.Settings.NCtx)), version: short(raw.BuildInfo)}
	}
	if ctx.Err() == nil {
		c.mu.Lock()
		c.props, c.propsAt = p, time.Now()
		c.mu.Unlock()
	}
	return p
}

// version is the server's version when it tells: llama.cpp's /props build_info, vLLM's
// /version; "" otherwise.
func (c *Client) version(ctx context.Context) string {
	if v := c.serverProps(ctx).version; v != "" {
		return v
	}
	var raw struct {
		Version string `json:"version"`
	}
	if c.getJSON(ctx, "/version", &raw) {
		return short(raw.Version)
	}
	return ""
}

func short(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 80 {
		return string(r[:80])
	}
	return s
}

// getJSON reads path at the server's root into v, with the key; false when the server does not
// answer it with JSON.
func (c *Client) getJSON(ctx context.Context, path string, v any) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, serverRoot(c.host)+path, nil)
	if err != nil {
		return false
	}
	if key := c.key(); key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := c.quick.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "json") {
		return false
	}
	body, err := io.ReadAll(resp.Body)
	return err == nil && json.Unmarshal(body, v) == nil
}
