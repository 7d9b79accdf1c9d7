package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/analysis"
)

// ArchiveFormat names the version of the run archive written today. Version 2 added the
// source's analysis, each variant's energy and model description, so that `rapporteur compare
// --json` writes an archive too.
const ArchiveFormat = "rapporteur-run/2"

// archiveFormatV1 is the first archive version, still read.
const archiveFormatV1 = "rapporteur-run/1"

// MaxArchiveSize bounds an archive read back: 64 MiB, far above a run of a 100-page report.
const MaxArchiveSize = 64 << 20

// Archive is the audit trail of one run: the exact source revision, what was asked, what each
// engine wrote, with its prompt, options, statistics, analysis and energy, and the votes,
// critiques and review marks. The application writes it from the comparison view and from
// `rapporteur compare --json`, and can import it again.
type Archive struct {
	// Format is ArchiveFormat.
	Format string `json:"format"`
	// Generator names the application and its version.
	Generator string `json:"generator"`
	// Exported is when the archive was written.
	Exported time.Time `json:"exported"`
	// Source is the revision the variants were made from, with its analysis.
	Source ArchivedSource `json:"source"`
	// Run is the request: its specs.
	Run model.Run `json:"run"`
	// Variants are the variants with what belongs to each.
	Variants []ArchivedVariant `json:"variants"`
	// Votes are the blind votes on the run.
	Votes []model.Vote `json:"votes"`
}

// ArchivedSource is the source revision and, when it was measured, its analysis, flattened in
// one JSON object.
type ArchivedSource struct {
	model.Revision
	// Analysis is what was measured on the source; absent when the run was not analysed.
	Analysis *analysis.SourceAnalysis `json:"analysis,omitempty"`
}

// ArchivedVariant is a variant with its prompt, analysis, energy, critiques and review mark.
type ArchivedVariant struct {
	model.Variant
	// Prompt is the exact messages the model received (empty for the built-in engine). In
	// JSON it hides the variant's own "prompt", its recorded instructions: they are the first
	// message, and reading the variant puts them back (see UnmarshalJSON).
	Prompt Messages `json:"prompt,omitempty"`
	// ModelDescription names the model with its size, quantisation, digest and host, as the
	// host reported them when the archive was written ("mistral:7b · 7.2B · Q4_K_M · …").
	ModelDescription string `json:"model_description,omitempty"`
	// Analysis compares the variant with the source.
	Analysis *analysis.VariantAnalysis `json:"analysis,omitempty"`
	// Energy is measured on this machine and, for a model, estimated for a datacenter.
	Energy analysis.Energy `json:"energy,omitzero"`
	// Critiques are the model critiques of the variant.
	Critiques []model.Critique `json:"critiques,omitempty"`
	// Review is who reviewed the variant, when someone did.
	Review *model.ReviewMark `json:"review,omitempty"`
}

// UnmarshalJSON reads an archived variant and puts back on it its recorded instructions, which
// its "prompt" hides in JSON: they are the first message, the system's.
func (v *ArchivedVariant) UnmarshalJSON(data []byte) error {
	type plain ArchivedVariant // without this method
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	if p.Variant.Prompt == "" && len(p.Prompt) > 0 && p.Prompt[0].Role == "system" {
		p.Variant.Prompt = p.Prompt[0].Content
	}
	*v = ArchivedVariant(p)
	return nil
}

// Messages are the messages of one prompt, in order.
type Messages []Prompt

// UnmarshalJSON reads a list of messages, or a single string: the recorded instructions
// `rapporteur compare --json` wrote before version 2, read as one system message.
func (m *Messages) UnmarshalJSON(data []byte) error {
	var instructions string
	if json.Unmarshal(data, &instructions) == nil {
		*m = Messages{{Role: "system", Content: instructions}}
		return nil
	}
	return json.Unmarshal(data, (*[]Prompt)(m))
}

// ErrArchive is wrapped by every error about an archive's content.
var ErrArchive = errors.New("not a Rapporteur run archive")

// WriteArchive writes a as indented JSON, in the current format.
func WriteArchive(w io.Writer, a Archive) error {
	a.Format = ArchiveFormat
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(a); err != nil {
		return fmt.Errorf("export: archive: %w", err)
	}
	return nil
}

// SaveArchive writes a to path through a temporary file, so a failure leaves no half file.
func SaveArchive(path string, a Archive) error {
	return SaveFile(path, func(w io.Writer) error { return WriteArchive(w, a) })
}

// ReadArchive reads an archive back, refusing anything too large, of an unknown format, or
// whose parts do not hold together (every variant of the run and of its source revision). It
// reads the current format, version 1, and the document `rapporteur compare --json` wrote
// before it wrote archives (no format; "created" for the date; no run).
func ReadArchive(r io.Reader) (Archive, error) {
	var a Archive
	data, err := io.ReadAll(io.LimitReader(r, MaxArchiveSize+1))
	if err != nil {
		return a, fmt.Errorf("export: archive: %w", err)
	}
	if len(data) > MaxArchiveSize {
		return a, fmt.Errorf("%w: larger than %d bytes", ErrArchive, MaxArchiveSize)
	}
	if err := json.Unmarshal(data, &a); err != nil {
		return a, fmt.Errorf("%w: %v", ErrArchive, err)
	}
	switch a.Format {
	case ArchiveFormat, archiveFormatV1:
	case "":
		if err := a.fromCompareDocument(data); err != nil {
			return a, err
		}
	default:
		return a, fmt.Errorf("%w: format %q, want %q", ErrArchive, a.Format, ArchiveFormat)
	}
	a.Format = ArchiveFormat
	return a, a.check()
}

// fromCompareDocument completes an archive read from the document `rapporteur compare --json`
// wrote before version 2: it had the source and variants of an archive, its date under
// "created", and no run, which is rebuilt from the variants' specs.
func (a *Archive) fromCompareDocument(data []byte) error {
	var doc struct {
		Created time.Time `json:"created"`
	}
	if err := json.Unmarshal(data, &doc); err != nil || a.Generator == "" || len(a.Variants) == 0 {
		return fmt.Errorf("%w: no format", ErrArchive)
	}
	a.Exported = doc.Created
	a.Run = model.Run{ID: a.Variants[0].RunID, RevisionID: a.Source.ID, Created: doc.Created}
	for _, v := range a.Variants {
		a.Run.Specs = append(a.Run.Specs, v.Spec)
	}
	return nil
}

// check validates the parts and their links.
func (a Archive) check() error {
	if err := a.Source.Meta.Validate(); err != nil {
		return fmt.Errorf("%w: source: %w", ErrArchive, err)
	}
	if len(a.Variants) == 0 {
		return fmt.Errorf("%w: no variant", ErrArchive)
	}
	for i, v := range a.Variants {
		if v.RunID != a.Run.ID || v.RevisionID != a.Source.ID {
			return fmt.Errorf("%w: variant %d belongs to another run or revision", ErrArchive, i+1)
		}
		if err := v.Variant.Validate(); err != nil {
			return fmt.Errorf("%w: variant %d: %w", ErrArchive, i+1, err)
		}
	}
	for _, v := range a.Votes {
		if err := v.Validate(); err != nil {
			return fmt.Errorf("%w: vote: %w", ErrArchive, err)
		}
	}
	return nil
}
