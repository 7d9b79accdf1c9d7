package workflow

import (
	"context"
	"io"

	"github.com/rapporteur/rapporteur/export"
	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
	"github.com/rapporteur/rapporteur/model/generate/openai"
	"github.com/rapporteur/rapporteur/model/store"
)

// RunImporter adds an imported run to the workspace: *store.Store.
type RunImporter interface {
	ImportRun(ctx context.Context, in store.ImportedRun) (model.Report, error)
}

// ImportArchive reads a run archive (any version export.ReadArchive accepts, the output of
// `rapporteur compare --json` included) and adds its run to st as a new report, which it
// returns. The run is checked like every other input before anything is added; its Ollama
// hosts are normalised first (a host that is not an Ollama address is a *store.ImportError
// wrapping a BadHostError).
func ImportArchive(ctx context.Context, st RunImporter, r io.Reader) (model.Report, error) {
	a, err := export.ReadArchive(r)
	if err != nil {
		return model.Report{}, err
	}
	in, err := ImportedRun(a)
	if err != nil {
		return model.Report{}, err
	}
	return st.ImportRun(ctx, in)
}

// ImportedRun turns an archive into what the store imports, with its hosts normalised.
func ImportedRun(a export.Archive) (store.ImportedRun, error) {
	in := store.ImportedRun{Source: a.Source.Revision, Votes: a.Votes}
	for _, v := range a.Variants {
		in.Variants = append(in.Variants, v.Variant)
		in.Critiques = append(in.Critiques, v.Critiques...)
		if v.Review != nil {
			in.Reviews = append(in.Reviews, *v.Review)
		}
	}
	return in, normalizeHosts(&in)
}

// normalizeHosts writes every Ollama host the run names as ollama.NormalizeHost does, or says
// which variant or critique names something that is not an Ollama address. An empty host is
// left for the store to refuse: normalised, it would claim the default local server.
func normalizeHosts(in *store.ImportedRun) error {
	for i := range in.Variants {
		if err := normalizeHost(&in.Variants[i].Spec); err != nil {
			return &store.ImportError{Part: "variant", Index: i + 1, Err: err}
		}
	}
	for i := range in.Critiques {
		if err := normalizeHost(&in.Critiques[i].Spec); err != nil {
			return &store.ImportError{Part: "critique", Index: i + 1, Err: err}
		}
	}
	return nil
}

// normalizeHost normalises the host of an Ollama or OpenAI-compatible spec, when it names one.
func normalizeHost(s *model.Spec) error {
	norm := ollama.NormalizeHost
	switch {
	case s.Host == "":
		return nil
	case s.Engine == model.EngineOpenAI:
		norm = openai.NormalizeHost
	case s.Engine != model.EngineOllama:
		return nil
	}
	h, err := norm(s.Host)
	if err != nil {
		return BadHostError{Host: s.Host, Err: err}
	}
	s.Host = h
	return nil
}

// BadHostError is an archive's host that is not an Ollama address.
type BadHostError struct {
	// Host is the host as the archive wrote it.
	Host string
	// Err is why ollama.NormalizeHost refused it.
	Err error
}

// Error describes the failure in English, for logs.
func (e BadHostError) Error() string { return "host " + e.Host + ": " + e.Err.Error() }

// Unwrap returns why the host was refused.
func (e BadHostError) Unwrap() error { return e.Err }
