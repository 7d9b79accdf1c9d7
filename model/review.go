package model

import (
	"slices"
	"time"
)

// Reason is a tag a reviewer puts on a variant to say why it is good or bad.
type Reason string

// The reasons a reviewer can give. The first four praise a variant, the last three fault it.
const (
	ReasonUseful              Reason = "useful"               // says what readers need
	ReasonComplete            Reason = "complete"             // leaves nothing important out
	ReasonCreative            Reason = "creative"             // finds a good angle or form
	ReasonClear               Reason = "clear-format"         // easy to read, well laid out
	ReasonIncorrect           Reason = "incorrect"            // distorts or invents facts
	ReasonIgnoredInstructions Reason = "ignored-instructions" // does not do what the preset asks
	ReasonSuperficial         Reason = "superficial"          // skims over the substance
)

// PositiveReasons and NegativeReasons list the reasons in the order the interface offers them.
var (
	PositiveReasons = []Reason{ReasonUseful, ReasonComplete, ReasonCreative, ReasonClear}
	NegativeReasons = []Reason{ReasonIncorrect, ReasonIgnoredInstructions, ReasonSuperficial}
)

// Valid reports whether r is a known reason.
func (r Reason) Valid() bool {
	return r.Positive() || slices.Contains(NegativeReasons, r)
}

// Positive reports whether r praises a variant.
func (r Reason) Positive() bool { return slices.Contains(PositiveReasons, r) }

// Outcome is the result of a blind vote.
type Outcome string

// The outcomes of a blind vote.
const (
	OutcomePreferred  Outcome = "preferred"  // one variant is better than the others
	OutcomeEquivalent Outcome = "equivalent" // the variants shown are as good as each other
	OutcomeNone       Outcome = "none"       // none of them is acceptable
)

// Valid reports whether o is a known outcome.
func (o Outcome) Valid() bool {
	return o == OutcomePreferred || o == OutcomeEquivalent || o == OutcomeNone
}

// Limits on review fields, in characters.
const (
	MaxCommentLen  = 2000 // a reaction's comment, or a review mark's note
	MaxReviewerLen = 200  // a voter's or reviewer's name
	MinShown       = 2    // variants shown in a blind vote, at least
	MaxShown       = 4    // and at most
)

// Reaction is what the reviewer said of one variant during a blind vote.
type Reaction struct {
	// VariantID is the variant reacted to; it must be one of the vote's Shown.
	VariantID int64 `json:"variant_id"`
	// Label is the letter the variant was shown under ("A" to "D"); the store fills it in.
	Label string `json:"label"`
	// Reasons are the tags chosen, positive and negative ones alike.
	Reasons []Reason `json:"reasons"`
	// Comment is a free note, at most MaxCommentLen characters.
	Comment string `json:"comment"`
}

// Vote is one blind comparison: which variants were shown under which letters, the outcome,
// and the reviewer's reactions.
type Vote struct {
	// ID is the store's identifier.
	ID int64 `json:"id"`
	// RunID is the run every shown variant belongs to.
	RunID int64 `json:"run_id"`
	// Shown lists the variant IDs in the order shown, as A, B, C, D.
	Shown []int64 `json:"shown"`
	// Outcome is the reviewer's verdict.
	Outcome Outcome `json:"outcome"`
	// Preferred is the chosen variant's ID when Outcome is OutcomePreferred, zero otherwise.
	Preferred int64 `json:"preferred,omitempty"`
	// Reactions are the reviewer's tags and notes, at most one per shown variant.
	Reactions []Reaction `json:"reactions"`
	// Voter optionally names who voted.
	Voter string `json:"voter,omitempty"`
	// Created is when the vote was saved.
	Created time.Time `json:"created"`
}

// Validate checks the vote: a run; 2 to 4 distinct variants shown; a preferred variant among
// them exactly when the outcome is OutcomePreferred; reactions to shown variants only, at most
// one each, under their letter, with known reasons and comments of at most MaxCommentLen.
func (v Vote) Validate() error {
	if v.RunID <= 0 {
		return invalid("run", ProblemRequired, 0)
	}
	if err := v.validateShown(); err != nil {
		return err
	}
	if err := v.validateOutcome(); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, r := range v.Reactions {
		pos := slices.Index(v.Shown, r.VariantID)
		if pos < 0 || seen[r.VariantID] {
			return invalid("reactions", ProblemInvalid, 0)
		}
		seen[r.VariantID] = true
		if r.Label != "" && r.Label != Letter(pos) {
			return invalid("label", ProblemInvalid, 0)
		}
		if err := r.validate(); err != nil {
			return err
		}
	}
	return checkText("voter", v.Voter, MaxReviewerLen)
}

// validateShown checks the number and uniqueness of the variants shown.
func (v Vote) validateShown() error {
	if len(v.Shown) < MinShown || len(v.Shown) > MaxShown {
		return invalid("shown", ProblemOutOfRange, MaxShown)
	}
	for i, id := range v.Shown {
		if id <= 0 || slices.Contains(v.Shown[:i], id) {
			return invalid("shown", ProblemInvalid, 0)
		}
	}
	return nil
}

// validateOutcome checks the outcome and the preferred variant agree.
func (v Vote) validateOutcome() error {
	if !v.Outcome.Valid() {
		return invalid("outcome", ProblemInvalid, 0)
	}
	switch {
	case v.Outcome == OutcomePreferred && v.Preferred == 0:
		return invalid("preferred", ProblemRequired, 0)
	case v.Outcome == OutcomePreferred && !slices.Contains(v.Shown, v.Preferred):
		return invalid("preferred", ProblemInvalid, 0)
	case v.Outcome != OutcomePreferred && v.Preferred != 0:
		return invalid("preferred", ProblemInvalid, 0)
	}
	return nil
}

// validate checks a reaction's reasons and comment.
func (r Reaction) validate() error {
	for i, reason := range r.Reasons {
		if !reason.Valid() || slices.Contains(r.Reasons[:i], reason) {
			return invalid("reasons", ProblemInvalid, 0)
		}
	}
	return checkText("comment", r.Comment, MaxCommentLen)
}

// BlindOrder returns a shuffled copy of variantIDs. The order depends only on the IDs and seed:
// the same seed gives the same order, in every version of Rapporteur, so a blind comparison can
// be shown again as it was. The interface picks up to MaxShown finished variants to pass.
func BlindOrder(variantIDs []int64, seed int64) []int64 {
	out := slices.Clone(variantIDs)
	state := uint64(seed)
	for i := len(out) - 1; i > 0; i-- {
		j := int(splitmix64(&state) % uint64(i+1))
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// splitmix64 advances state and returns the next number of the SplitMix64 sequence, a small
// generator whose output is fixed by its definition, unlike math/rand's.
func splitmix64(state *uint64) uint64 {
	*state += 0x9e3779b97f4a7c15
	z := *state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Letter returns the label of the i-th variant shown, from 0: "A", "B", … "Z", then "AA", "AB"
// as spreadsheets do. A negative i gives "".
func Letter(i int) string {
	if i < 0 {
		return ""
	}
	s := ""
	for i >= 0 {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
	}
	return s
}

// Critique is a model's critique of one variant against its source, kept beside the variant.
type Critique struct {
	// ID is the store's identifier.
	ID int64 `json:"id"`
	// VariantID is the variant critiqued.
	VariantID int64 `json:"variant_id"`
	// Spec names the engine, host and model that wrote the critique; its PresetID is "critique".
	Spec Spec `json:"spec"`
	// Status is where the critique's generation stands.
	Status Status `json:"status"`
	// Text is the critique in Markdown, complete or partial.
	Text string `json:"text"`
	// Error says why the generation failed or stopped, in English.
	Error string `json:"error"`
	// ErrorCode classifies the failure, as for a variant.
	ErrorCode string `json:"error_code,omitempty"`
	// Stats are the generation's measurements.
	Stats Stats `json:"stats"`
	// Created is when the critique was asked for.
	Created time.Time `json:"created"`
}

// Validate checks the critique names a variant, a known status and a valid spec.
func (c Critique) Validate() error {
	if c.VariantID <= 0 {
		return invalid("variant", ProblemRequired, 0)
	}
	if !c.Status.Valid() {
		return invalid("status", ProblemInvalid, 0)
	}
	return c.Spec.Validate()
}

// ReviewMark says a named person has reviewed a variant and takes editorial responsibility
// for it.
type ReviewMark struct {
	// VariantID is the variant reviewed.
	VariantID int64 `json:"variant_id"`
	// Reviewer is the person's name, required.
	Reviewer string `json:"reviewer"`
	// Date is the day of the review, as YYYY-MM-DD.
	Date string `json:"date"`
	// Note is an optional remark, at most MaxCommentLen characters.
	Note string `json:"note,omitempty"`
	// Created is when the mark was saved.
	Created time.Time `json:"created"`
}

// Validate checks the mark names a variant and a reviewer (at most MaxReviewerLen
// characters), carries a YYYY-MM-DD date and a note of at most MaxCommentLen characters.
func (m ReviewMark) Validate() error {
	if m.VariantID <= 0 {
		return invalid("variant", ProblemRequired, 0)
	}
	if trimmed(m.Reviewer) == "" {
		return invalid("reviewer", ProblemRequired, 0)
	}
	if err := checkText("reviewer", m.Reviewer, MaxReviewerLen); err != nil {
		return err
	}
	if m.Date == "" {
		return invalid("date", ProblemRequired, 0)
	}
	if _, err := time.Parse(time.DateOnly, m.Date); err != nil {
		return invalid("date", ProblemInvalid, 0)
	}
	return checkText("note", m.Note, MaxCommentLen)
}

// Wins tallies blind votes for one model or one preset.
type Wins struct {
	// Key is the model's name ("builtin" for the built-in engine) or the preset's id.
	Key string `json:"key"`
	// Shown counts the appearances of a variant of Key in a vote (two variants of the same
	// model in one vote count twice).
	Shown int `json:"shown"`
	// Won counts the votes where a variant of Key was preferred.
	Won int `json:"won"`
	// Equivalent counts the appearances in votes judged equivalent.
	Equivalent int `json:"equivalent"`
}
