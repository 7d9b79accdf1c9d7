package cli

import (
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// TestOptionsOutOfRange gives each option a value a host would choke on: NaN, infinities,
// negative sizes, a probability above 1. Each is a usage error (exit 2) whose message names
// the option and its allowed range; nothing is generated.
func TestOptionsOutOfRange(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "en")
	tests := []struct {
		option string
		want   string // the range, as the message must name it
	}{
		{"temperature=NaN", "temperature takes a number from 0 to 2"},
		{"temperature=nan", "temperature takes a number from 0 to 2"},
		{"temperature=Inf", "temperature takes a number from 0 to 2"},
		{"temperature=-Inf", "temperature takes a number from 0 to 2"},
		{"temperature=+Inf", "temperature takes a number from 0 to 2"},
		{"temperature=-0.1", "temperature takes a number from 0 to 2"},
		{"temperature=2.01", "temperature takes a number from 0 to 2"},
		{"temperature=1e308", "temperature takes a number from 0 to 2"},
		{"temperature=1e400", "temperature takes a number from 0 to 2"},
		{"temperature=hot", "temperature takes a number from 0 to 2"},
		{"top_p=NaN", "top_p takes a number from 0 to 1"},
		{"top_p=1.5", "top_p takes a number from 0 to 1"},
		{"top_p=-0.5", "top_p takes a number from 0 to 1"},
		{"num_ctx=-1", "num_ctx takes a whole number from 0 to 2,097,152"},
		{"num_ctx=3000000", "num_ctx takes a whole number from 0 to 2,097,152"},
		{"num_ctx=99999999999999999999999", "num_ctx takes a whole number from 0 to 2,097,152"},
		{"num_ctx=8192.5", "num_ctx takes a whole number from 0 to 2,097,152"},
		{"num_predict=-5", "num_predict takes a whole number from 0 to 1,048,576"},
		{"num_predict=2000000", "num_predict takes a whole number from 0 to 1,048,576"},
		{"seed=NaN", "seed takes a whole number"},
		{"seed=99999999999999999999999", "seed takes a whole number"},
	}
	for _, tt := range tests {
		t.Run(tt.option, func(t *testing.T) {
			code, out, stderr := run(t, "compare", "--source", samplePath, "--engine", "ollama", "--models", "m", "--options", tt.option)
			if code != exitUsage {
				t.Fatalf("exit %d, want 2 (%s)", code, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not name the range %q", stderr, tt.want)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
}

// TestOptionsRangeFrench names the range in French, with French number grouping.
func TestOptionsRangeFrench(t *testing.T) {
	t.Setenv("RAPPORTEUR_LANG", "fr")
	code, _, stderr := run(t, "compare", "--source", samplePath, "--engine", "ollama", "--models", "m", "--options", "num_ctx=-1")
	want := "num_ctx prend un nombre entier de 0 à 2\u00a0097\u00a0152"
	if code != exitUsage || !strings.Contains(stderr, want) {
		t.Fatalf("exit %d, stderr %q, want %q", code, stderr, want)
	}
}

// TestOptionsBounds checks the ranges the command line announces are those model.Options
// accepts: each bound passes parseOptions and Validate, and anything past it fails both.
func TestOptionsBounds(t *testing.T) {
	for _, r := range optionRanges {
		for _, v := range []string{r.format(r.min), r.format(r.max)} {
			o, err := parseOptions(r.name + "=" + v)
			if err != nil {
				t.Errorf("%s=%s refused: %v", r.name, v, err)
			}
			if err := o.Validate(); err != nil {
				t.Errorf("%s=%s: model refuses it: %v", r.name, v, err)
			}
		}
		past := r.max + 1
		if !r.whole {
			past = r.max + 0.01
		}
		var o model.Options
		if err := setOption(&o, r.name, r.format(past)); err == nil {
			t.Errorf("%s=%s accepted", r.name, r.format(past))
		}
		r.set(&o, past)
		if err := o.Validate(); err == nil {
			t.Errorf("%s=%s: model accepts what the command line refuses", r.name, r.format(past))
		}
	}
}

// TestOptionsValid keeps the ordinary values working.
func TestOptionsValid(t *testing.T) {
	o, err := parseOptions("temperature=0.2, seed=42,top_p=0.9,num_predict=800,num_ctx=8192,think=true")
	if err != nil {
		t.Fatal(err)
	}
	if *o.Temperature != 0.2 || *o.Seed != 42 || *o.TopP != 0.9 || o.NumPredict != 800 || o.NumCtx != 8192 || !o.Think {
		t.Errorf("options %+v", o)
	}
}
