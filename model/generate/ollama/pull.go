package ollama

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/rapporteur/rapporteur/model/generate"
)

// PullProgress is one step of a model download, as Ollama reports it.
type PullProgress struct {
	// Status is Ollama's description of the step ("pulling manifest", "pulling 6a0746a1ec1a",
	// "verifying sha256 digest", "success").
	Status string
	// Digest names the layer being downloaded; empty for the other steps.
	Digest string
	// Total and Completed are the layer's size and the bytes received, when downloading.
	Total, Completed int64
	// BytesPerSecond is the layer's average download speed since its first progress line,
	// computed here from successive lines; 0 until it can be measured.
	BytesPerSecond float64
}

// layerClock remembers when a layer's download was first seen, to compute its speed.
type layerClock struct {
	at        time.Time
	completed int64
}

// Pull downloads the model name onto the host, reporting progress through fn (which may be nil).
// A cancelled ctx gives CodeCancelled wrapping ctx's error; a stream that ends without
// Ollama's "success" gives CodePullFailed; a failure Ollama
// reports (offline, unknown model, disk full) gives CodePullFailed with Ollama's own message;
// network failures give CodeHostUnreachable or CodeNotOllama.
func (c *Client) Pull(ctx context.Context, name string, fn func(PullProgress)) error {
	if fn == nil {
		fn = func(PullProgress) {}
	}
	defer c.forgetModels()
	clocks := map[string]layerClock{}
	last := ""
	err := c.long.Pull(ctx, &api.PullRequest{Model: name}, func(p api.ProgressResponse) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		last = p.Status
		fn(PullProgress{
			Status: p.Status, Digest: p.Digest, Total: p.Total, Completed: p.Completed,
			BytesPerSecond: speed(clocks, p, time.Now()),
		})
		return nil
	})
	switch {
	case ctx.Err() != nil:
		return &generate.Error{Code: generate.CodeCancelled, Err: ctx.Err()}
	case err == nil && last == "success":
		return nil
	case err == nil:
		return &generate.Error{Code: generate.CodePullFailed, Err: fmt.Errorf("the download of %s ended before Ollama said success (last step: %q)", name, last)}
	}
	err = classify(err)
	switch generate.CodeOf(err) {
	case generate.CodeHostUnreachable, generate.CodeNotOllama:
		return err
	}
	var ge *generate.Error
	if errors.As(err, &ge) {
		err = ge.Err
	}
	return &generate.Error{Code: generate.CodePullFailed, Err: err}
}

// speed returns the average download speed of p's layer since its first line, in bytes per
// second, recording that first line in clocks.
func speed(clocks map[string]layerClock, p api.ProgressResponse, now time.Time) float64 {
	if p.Digest == "" || p.Total == 0 {
		return 0
	}
	first, ok := clocks[p.Digest]
	if !ok {
		clocks[p.Digest] = layerClock{at: now, completed: p.Completed}
		return 0
	}
	elapsed := now.Sub(first.at).Seconds()
	if elapsed <= 0 {
		return 0
	}
	return float64(p.Completed-first.completed) / elapsed
}
