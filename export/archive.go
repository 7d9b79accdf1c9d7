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

// ArchiveFormat names the version of the run archive; readers refuse other versions.
const ArchiveFormat = "rapporteur-run/1"

// MaxArchiveSize bounds an archive read back: 64 MiB, far above a run of a 100-page report.
const MaxArchiveSize = 64 << 20

// Archive is the audit trail of one run: the exact source revision, what was asked, what each
// engine wrote, with its prompt, options, statistics and analysis, and the votes, critiques and
// review marks. The application can import it again.
type Archive struct {
	// Format is ArchiveFormat.
	Format string `json:"format"`
	// Generator names the application and its version.
	Generator string `json:"generator"`
	// Exported is when the archive was written.
	Exported time.Time `json:"exported"`
	// Source is the revision the variants were made from.
	Source model.Revision `json:"source"`
	// Run is the request: its specs.
	Run model.Run `json:"run"`
	// Variants are the variants with what belongs to each.
	Variants []ArchivedVariant `json:"variants"`
	// Votes are the blind votes on the run.
	Votes []model.Vote `json:"votes"`
}

// ArchivedVariant is a variant with its prompt, analysis, critiques and review mark.
type ArchivedVariant struct {
	model.Variant
	// Prompt is the exact messages the model received (empty for the built-in engine).
	Prompt []Message `json:"prompt,omitempty"`
	// Analysis compares the variant with the source.
	Analysis *analysis.VariantAnalysis `json:"analysis,omitempty"`
	// Critiques are the model critiques of the variant.
	Critiques []model.Critique `json:"critiques,omitempty"`
	// Review is who reviewed the variant, when someone did.
	Review *model.ReviewMark `json:"review,omitempty"`
}

// Message is one message of a prompt.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// ErrArchive is wrapped by every error about an archive's content.
var ErrArchive = errors.New("not a Rapporteur run archive")

// WriteArchive writes a as indented JSON.
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

// ReadArchive reads an archive back, refusing anything too large, of another format, or whose
// parts do not hold together (every variant of the run and of its source revision).
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
	if a.Format != ArchiveFormat {
		return a, fmt.Errorf("%w: format %q, want %q", ErrArchive, a.Format, ArchiveFormat)
	}
	return a, a.check()
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
