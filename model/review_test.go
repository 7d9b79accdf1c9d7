package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestReasons(t *testing.T) {
	for _, r := range PositiveReasons {
		if !r.Valid() || !r.Positive() {
			t.Errorf("%s: valid %v positive %v", r, r.Valid(), r.Positive())
		}
	}
	for _, r := range NegativeReasons {
		if !r.Valid() || r.Positive() {
			t.Errorf("%s: valid %v positive %v", r, r.Valid(), r.Positive())
		}
	}
	for _, r := range []Reason{"", "Useful", "boring"} {
		if r.Valid() {
			t.Errorf("%q is valid", r)
		}
	}
	if len(PositiveReasons) != 4 || len(NegativeReasons) != 3 {
		t.Errorf("%d positive, %d negative reasons", len(PositiveReasons), len(NegativeReasons))
	}
}

// validVote is a vote on a run of the Tilleuls workshop: three variants shown, B preferred.
func validVote() Vote {
	return Vote{RunID: 7, Shown: []int64{12, 10, 11}, Outcome: OutcomePreferred, Preferred: 10,
		Reactions: []Reaction{
			{VariantID: 10, Label: "B", Reasons: []Reason{ReasonComplete, ReasonClear}, Comment: "Garde les 27 voix sur 42."},
			{VariantID: 12, Reasons: []Reason{ReasonIncorrect}, Comment: "Invente une réunion le 2 décembre."},
		}}
}

func TestVoteValidate(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Vote)
		field   string
		problem Problem
	}{
		{"valid", func(*Vote) {}, "", ""},
		{"no run", func(v *Vote) { v.RunID = 0 }, "run", ProblemRequired},
		{"one shown", func(v *Vote) { v.Shown = v.Shown[:1] }, "shown", ProblemOutOfRange},
		{"five shown", func(v *Vote) { v.Shown = []int64{1, 2, 3, 4, 5} }, "shown", ProblemOutOfRange},
		{"duplicate shown", func(v *Vote) { v.Shown = []int64{10, 12, 10} }, "shown", ProblemInvalid},
		{"zero shown", func(v *Vote) { v.Shown = []int64{10, 0} }, "shown", ProblemInvalid},
		{"unknown outcome", func(v *Vote) { v.Outcome = "tie" }, "outcome", ProblemInvalid},
		{"preferred missing", func(v *Vote) { v.Preferred = 0 }, "preferred", ProblemRequired},
		{"preferred not shown", func(v *Vote) { v.Preferred = 99 }, "preferred", ProblemInvalid},
		{"equivalent with preferred", func(v *Vote) { v.Outcome = OutcomeEquivalent }, "preferred", ProblemInvalid},
		{"equivalent", func(v *Vote) { v.Outcome, v.Preferred = OutcomeEquivalent, 0 }, "", ""},
		{"none", func(v *Vote) { v.Outcome, v.Preferred, v.Reactions = OutcomeNone, 0, nil }, "", ""},
		{"reaction not shown", func(v *Vote) { v.Reactions[0].VariantID = 99 }, "reactions", ProblemInvalid},
		{"two reactions", func(v *Vote) { v.Reactions[1].VariantID = 10 }, "reactions", ProblemInvalid},
		{"wrong label", func(v *Vote) { v.Reactions[0].Label = "A" }, "label", ProblemInvalid},
		{"unknown reason", func(v *Vote) { v.Reactions[0].Reasons = []Reason{"great"} }, "reasons", ProblemInvalid},
		{"repeated reason", func(v *Vote) { v.Reactions[0].Reasons = []Reason{ReasonUseful, ReasonUseful} }, "reasons", ProblemInvalid},
		{"mixed reasons", func(v *Vote) { v.Reactions[0].Reasons = []Reason{ReasonUseful, ReasonSuperficial} }, "", ""},
		{"long comment", func(v *Vote) { v.Reactions[1].Comment = strings.Repeat("é", MaxCommentLen+1) }, "comment", ProblemTooLong},
		{"longest comment", func(v *Vote) { v.Reactions[1].Comment = strings.Repeat("é", MaxCommentLen) }, "", ""},
		{"bad utf8 comment", func(v *Vote) { v.Reactions[1].Comment = "\xff" }, "comment", ProblemInvalidUTF8},
		{"long voter", func(v *Vote) { v.Voter = strings.Repeat("a", MaxReviewerLen+1) }, "voter", ProblemTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := validVote()
			tt.edit(&v)
			checkProblem(t, v.Validate(), tt.field, tt.problem)
		})
	}
}

func TestReviewMarkValidate(t *testing.T) {
	valid := ReviewMark{VariantID: 3, Reviewer: "Claire Moreau", Date: "2025-10-20", Note: "Relu avec l’élue."}
	tests := []struct {
		name    string
		edit    func(*ReviewMark)
		field   string
		problem Problem
	}{
		{"valid", func(*ReviewMark) {}, "", ""},
		{"no variant", func(m *ReviewMark) { m.VariantID = 0 }, "variant", ProblemRequired},
		{"blank reviewer", func(m *ReviewMark) { m.Reviewer = " \t" }, "reviewer", ProblemRequired},
		{"long reviewer", func(m *ReviewMark) { m.Reviewer = strings.Repeat("é", MaxReviewerLen+1) }, "reviewer", ProblemTooLong},
		{"no date", func(m *ReviewMark) { m.Date = "" }, "date", ProblemRequired},
		{"french date", func(m *ReviewMark) { m.Date = "20/10/2025" }, "date", ProblemInvalid},
		{"impossible date", func(m *ReviewMark) { m.Date = "2025-02-30" }, "date", ProblemInvalid},
		{"long note", func(m *ReviewMark) { m.Note = strings.Repeat("a", MaxCommentLen+1) }, "note", ProblemTooLong},
		{"no note", func(m *ReviewMark) { m.Note = "" }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := valid
			tt.edit(&m)
			checkProblem(t, m.Validate(), tt.field, tt.problem)
		})
	}
}

func TestCritiqueValidate(t *testing.T) {
	valid := Critique{VariantID: 4, Status: StatusQueued,
		Spec: Spec{Engine: EngineOllama, Model: "mistral:7b", PresetID: "critique"}}
	checkProblem(t, valid.Validate(), "", "")
	c := valid
	c.VariantID = 0
	checkProblem(t, c.Validate(), "variant", ProblemRequired)
	c = valid
	c.Status = "paused"
	checkProblem(t, c.Validate(), "status", ProblemInvalid)
	c = valid
	c.Spec.Model = ""
	checkProblem(t, c.Validate(), "model", ProblemRequired)
}

func TestBlindOrderDeterministic(t *testing.T) {
	ids := []int64{21, 22, 23, 24}
	first := BlindOrder(ids, 42)
	if !slices.Equal(BlindOrder(ids, 42), first) {
		t.Fatal("same seed, different order")
	}
	if !slices.Equal(ids, []int64{21, 22, 23, 24}) {
		t.Fatalf("input changed: %v", ids)
	}
	orders := map[string]bool{}
	for seed := range int64(200) {
		orders[fmt.Sprint(BlindOrder(ids, seed))] = true
	}
	// 24 permutations of four; 200 seeds should reach nearly all of them.
	if len(orders) < 20 {
		t.Errorf("only %d distinct orders over 200 seeds", len(orders))
	}
}

func TestBlindOrderIsPermutation(t *testing.T) {
	for n := range 7 {
		ids := make([]int64, n)
		for i := range ids {
			ids[i] = int64(100 + i)
		}
		for seed := int64(-3); seed < 30; seed++ {
			got := BlindOrder(ids, seed)
			sorted := slices.Clone(got)
			slices.Sort(sorted)
			if !slices.Equal(sorted, ids) {
				t.Fatalf("n=%d seed=%d: %v is not a permutation of %v", n, seed, got, ids)
			}
		}
	}
	if got := BlindOrder(nil, 1); len(got) != 0 {
		t.Errorf("BlindOrder(nil) = %v", got)
	}
}

func TestLetter(t *testing.T) {
	tests := map[int]string{-1: "", 0: "A", 1: "B", 3: "D", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA"}
	for i, want := range tests {
		if got := Letter(i); got != want {
			t.Errorf("Letter(%d) = %q, want %q", i, got, want)
		}
	}
}
