package store

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/rapporteur/rapporteur/model"
)

// CodeUnfinished is the error code of an imported variant or critique whose generation had not
// ended when its archive was written: it is stored failed (it was running) or cancelled (it was
// waiting), never as still running.
const CodeUnfinished = "unfinished"

// unfinishedReason is the English reason stored with CodeUnfinished.
const unfinishedReason = "not finished when the archive was written"

// Bounds on an imported run: far above what Rapporteur writes, low enough to refuse a crafted
// archive before it fills the workspace.
const (
	maxImportedVariants  = 200    // variants in a run
	maxImportedVotes     = 10_000 // blind votes on a run
	maxImportedCritiques = 2_000  // critiques of a run's variants
	maxNameLen           = 300    // characters of a model name or a host
	maxPresetIDLen       = 64     // characters of a preset identifier
	maxCodeLen           = 64     // characters of an error code
	maxErrorLen          = 10_000 // characters of an error text; longer ones are cut
)

// ImportError says which part of an imported run cannot be imported, and why.
type ImportError struct {
	// Part is "run", "source", "variant", "vote", "critique" or "review".
	Part string
	// Index is the part's position in its list, from 1; 0 for the run and the source.
	Index int
	// Err is the reason, usually a *model.ValidationError.
	Err error
}

// Error describes the failure in English, for logs.
func (e *ImportError) Error() string {
	if e.Index == 0 {
		return fmt.Sprintf("import: %s: %v", e.Part, e.Err)
	}
	return fmt.Sprintf("import: %s %d: %v", e.Part, e.Index, e.Err)
}

// Unwrap returns the reason.
func (e *ImportError) Unwrap() error { return e.Err }

func invalid(field string, problem model.Problem, limit int) error {
	return &model.ValidationError{Field: field, Problem: problem, Limit: float64(limit)}
}

// clean checks an imported run as every other input is checked, and makes it safe to store
// and to print: names and texts without control or bidirectional characters, hosts that are
// plain Ollama addresses, bounded sizes, final statuses, references to known variants only.
func (in *ImportedRun) clean() error {
	for _, n := range []struct {
		field    string
		have     int
		min, max int
	}{
		{"variants", len(in.Variants), 1, maxImportedVariants},
		{"votes", len(in.Votes), 0, maxImportedVotes},
		{"critiques", len(in.Critiques), 0, maxImportedCritiques},
		{"reviews", len(in.Reviews), 0, maxImportedVariants},
	} {
		if n.have < n.min || n.have > n.max {
			return &ImportError{Part: "run", Err: invalid(n.field, model.ProblemOutOfRange, n.max)}
		}
	}
	if err := cleanSource(&in.Source); err != nil {
		return &ImportError{Part: "source", Err: err}
	}
	ids := map[int64]bool{}
	for i := range in.Variants {
		v := &in.Variants[i]
		if ids[v.ID] {
			return &ImportError{Part: "variant", Index: i + 1, Err: invalid("id", model.ProblemInvalid, 0)}
		}
		ids[v.ID] = true
		if err := cleanVariant(v); err != nil {
			return &ImportError{Part: "variant", Index: i + 1, Err: err}
		}
	}
	return in.cleanReviews(ids)
}

// cleanReviews cleans the votes, critiques and review marks, which must refer to the run's
// variants.
func (in *ImportedRun) cleanReviews(ids map[int64]bool) error {
	known := func(id int64) bool { return ids[id] }
	for i := range in.Votes {
		if err := cleanVote(&in.Votes[i], known); err != nil {
			return &ImportError{Part: "vote", Index: i + 1, Err: err}
		}
	}
	for i := range in.Critiques {
		c := &in.Critiques[i]
		if !ids[c.VariantID] {
			return &ImportError{Part: "critique", Index: i + 1, Err: invalid("variant", model.ProblemInvalid, 0)}
		}
		err := cleanGeneration(&c.Spec, &c.Status, &c.Text, &c.Error, &c.ErrorCode, &c.Stats)
		if err == nil {
			err = c.Validate()
		}
		if err != nil {
			return &ImportError{Part: "critique", Index: i + 1, Err: err}
		}
	}
	for i := range in.Reviews {
		m := &in.Reviews[i]
		m.Reviewer, m.Note = model.CleanName(m.Reviewer), model.CleanText(m.Note)
		err := m.Validate()
		if err == nil && !ids[m.VariantID] {
			err = invalid("variant", model.ProblemInvalid, 0)
		}
		if err != nil {
			return &ImportError{Part: "review", Index: i + 1, Err: err}
		}
	}
	return nil
}

// cleanSource cleans the source revision's metadata and text, and validates them.
func cleanSource(r *model.Revision) error {
	for _, f := range []*string{&r.Title, &r.Date, &r.Place, &r.Organisers, &r.Audience} {
		*f = model.CleanName(*f)
	}
	r.Body = model.CleanText(r.Body)
	return model.Report{Meta: r.Meta, Body: r.Body}.Validate()
}

// cleanVariant cleans a variant's spec, status, texts and measures.
func cleanVariant(v *model.Variant) error {
	if err := cleanGeneration(&v.Spec, &v.Status, &v.Text, &v.Error, &v.ErrorCode, &v.Stats); err != nil {
		return err
	}
	v.Prompt = model.CleanText(v.Prompt)
	if utf8.RuneCountInString(v.Prompt) > model.MaxBodyLen {
		return invalid("prompt", model.ProblemTooLong, model.MaxBodyLen)
	}
	check := *v
	check.RevisionID = 1 // the workspace gives the revision
	return check.Validate()
}

// cleanGeneration cleans what variants and critiques share: the spec, the status (a running
// or waiting one is stopped, with CodeUnfinished), the text, the error and the measures.
func cleanGeneration(s *model.Spec, status *model.Status, text, errText, code *string, stats *model.Stats) error {
	if err := cleanSpec(s); err != nil {
		return err
	}
	switch *status {
	case model.StatusRunning:
		*status, *errText, *code = model.StatusFailed, unfinishedReason, CodeUnfinished
	case model.StatusQueued:
		*status, *errText, *code = model.StatusCancelled, unfinishedReason, CodeUnfinished
	}
	if !status.Valid() {
		return invalid("status", model.ProblemInvalid, 0)
	}
	*text = model.CleanText(*text)
	if utf8.RuneCountInString(*text) > model.MaxBodyLen {
		return invalid("text", model.ProblemTooLong, model.MaxBodyLen)
	}
	*errText = cut(model.CleanText(*errText), maxErrorLen)
	if model.CleanName(*code) != *code || len(*code) > maxCodeLen {
		return invalid("error_code", model.ProblemInvalid, 0)
	}
	clampStats(stats)
	return nil
}

// cleanSpec cleans the model name and checks the host and the preset identifier, which are not
// cleaned: changed, they would name another server or preset.
func cleanSpec(s *model.Spec) error {
	s.Model = model.CleanName(s.Model)
	if utf8.RuneCountInString(s.Model) > maxNameLen {
		return invalid("model", model.ProblemTooLong, maxNameLen)
	}
	if model.CleanName(s.PresetID) != s.PresetID || len(s.PresetID) > maxPresetIDLen {
		return invalid("preset", model.ProblemInvalid, 0)
	}
	switch {
	case s.Engine == model.EngineOllama || s.Engine == model.EngineOpenAI:
		if err := checkHost(s.Host, s.Engine == model.EngineOllama); err != nil {
			return err
		}
	case s.Host != "":
		return invalid("host", model.ProblemInvalid, 0)
	}
	return s.Validate()
}

// checkHost accepts an Ollama address as Rapporteur writes it (see ollama.NormalizeHost):
// http or https, a host and a port, an optional path, nothing else.
func checkHost(host string, port bool) error {
	if host == "" {
		return invalid("host", model.ProblemRequired, 0)
	}
	if model.CleanName(host) != host || len(host) > maxNameLen {
		return invalid("host", model.ProblemInvalid, 0)
	}
	u, err := url.Parse(host)
	if err != nil || !plainURL(u) || port && u.Port() == "" {
		return invalid("host", model.ProblemInvalid, 0)
	}
	return nil
}

// plainURL reports whether u is an http or https address with a host and nothing else: no
// user, query nor fragment.
func plainURL(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != "" &&
		u.User == nil && u.Opaque == "" && u.RawQuery == "" && !u.ForceQuery && u.Fragment == ""
}

// clampStats turns measures no generation can have (negative counts and durations, speeds
// beyond a million tokens a second) into zero, unknown.
func clampStats(st *model.Stats) {
	for _, d := range []*int{&st.PromptTokens, &st.OutputTokens, &st.NumCtx, &st.Chunks, &st.ModelContext, &st.ContextNeeded} {
		*d = max(*d, 0)
	}
	for _, d := range []*time.Duration{&st.Total, &st.Load, &st.FirstToken, &st.PromptEval, &st.Eval} {
		*d = max(*d, 0)
	}
	if math.IsNaN(st.TokensPerSecond) || st.TokensPerSecond < 0 || st.TokensPerSecond > 1e6 {
		st.TokensPerSecond = 0
	}
	st.DoneReason = cut(model.CleanName(st.DoneReason), maxCodeLen)
}

// cleanVote cleans a vote's names and comments and checks it refers to known variants.
func cleanVote(v *model.Vote, known func(int64) bool) error {
	v.Voter = model.CleanName(v.Voter)
	for i := range v.Reactions {
		v.Reactions[i].Comment = model.CleanText(v.Reactions[i].Comment)
		v.Reactions[i].Label = model.CleanName(v.Reactions[i].Label)
	}
	unknown := func(id int64) bool { return !known(id) }
	if slices.ContainsFunc(v.Shown, unknown) || (v.Preferred != 0 && unknown(v.Preferred)) {
		return invalid("variant", model.ProblemInvalid, 0)
	}
	check := *v
	check.RunID = 1 // the workspace gives the run
	return check.Validate()
}

// cut returns s cut to at most n characters.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
