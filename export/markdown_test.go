package export

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// describe writes blocks compactly: kind/level/marker/tight then the text.
func describe(bs []block) string {
	var parts []string
	for _, b := range bs {
		tight := ""
		if b.tight {
			tight = "+"
		}
		parts = append(parts, fmt.Sprintf("%d/%d/%s%s:%s", b.kind, b.level, b.marker, tight, b.text))
	}
	return strings.Join(parts, " | ")
}

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", ""},
		{"blank lines only", "\n\n  \n", ""},
		{"paragraph lines joined", "Une place\npour tous.", "0/0/:Une place pour tous."},
		{"two paragraphs", "Un.\n\nDeux.", "0/0/:Un. | 0/0/:Deux."},
		{"atx headings", "# Titre\n## Sous-titre ##\nTexte", "1/1/:Titre | 1/2/:Sous-titre | 0/0/:Texte"},
		{"hash without space is text", "#concertation", "0/0/:#concertation"},
		{"setext headings", "Titre\n=====\nSuite\n---", "1/1/:Titre | 1/2/:Suite"},
		{"thematic break dropped", "Un.\n\n***\n\nDeux.", "0/0/:Un. | 0/0/:Deux."},
		{"bullets tight", "- un\n* deux\n+ trois", "2/0/•:un | 2/0/•+:deux | 2/0/•+:trois"},
		{"numbered", "1. un\n2) deux", "2/0/1.:un | 2/0/2.+:deux"},
		{"nested item", "- un\n  - sous-point", "2/0/•:un | 2/1/•+:sous-point"},
		{"nested item after blank", "- un\n\n    - sous-point", "2/0/•:un | 2/1/•:sous-point"}, // depth by nesting, not by spaces
		{"item continuation", "- un point\n  qui continue", "2/0/•:un point qui continue"},
		{"quote", "> «\u00a0Une place\u00a0»\n> pour tous", "3/0/:«\u00a0Une place\u00a0» pour tous"},
		{"code fence", "```\nx := 1\n```\nFin.", "4/0/+:x := 1 | 0/0/:Fin."},
		{"emphasis stripped", "**45,5\u202f%** des *habitant·es* et __tous__", "0/0/:45,5\u202f% des habitant·es et tous"},
		{"heading markers stripped", "## **Décisions**", "1/2/:Décisions"},
		{"numbers follow the list's start", "3. trois\n3. quatre", "2/0/3.:trois | 2/0/4.+:quatre"},
		{"quote paragraphs", "> un\n>\n> deux", "3/0/:un | 3/0/:deux"},
		{"list in a quote", "> - un\n> - deux", "3/0/:• un | 3/0/+:• deux"},
		{"table a line a row", "| Thème | Pour |\n|---|--:|\n| Bancs | 40 |", "0/0/:Thème · Pour | 0/0/+:Bancs · 40"},
		{"indented text is text", "Présent·es\n\n    collé de Word", "0/0/:Présent·es | 0/0/:collé de Word"},
		{"crlf already normalised upstream", "Un.\n\nDeux.", "0/0/:Un. | 0/0/:Deux."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(parseMarkdown(tt.src)); got != tt.want {
				t.Errorf("parseMarkdown(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestInlineMarkersRemoved(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**gras** et *italique*", "gras et italique"},
		{"__gras__ et _italique_", "gras et italique"},
		{"snake_case et a*b et 2 * 3", "snake_case et a*b et 2 * 3"},
		{"`code` et ~~barré~~", "code et barré"},
		{`\*pas d’italique\*`, "*pas d’italique*"},
		{"[le site](https://mairie.example)", "le site (https://mairie.example)"},
		{"[https://mairie.example](https://mairie.example)", "https://mairie.example"},
		{"![plan de la place](plan.png)", "plan de la place"},
		{"<https://mairie.example/atelier>", "https://mairie.example/atelier"},
		{"fin \\", "fin \\"},
		{"(*note*)", "(note)"},
		{"~ 20 personnes", "~ 20 personnes"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var texts []string
			for _, b := range parseMarkdown(tt.in) {
				texts = append(texts, b.text)
			}
			if got := strings.Join(texts, " | "); got != tt.want {
				t.Errorf("inline text of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzParseMarkdown(f *testing.F) {
	for _, s := range []string{"# T\n\n- a\n  b\n\n> q", "**x** *y* [a](b) `c`", "```\ncode", "1. a\n2) b\n\\*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range parseMarkdown(s) {
			if b.kind != blockItem && b.kind != blockCode && b.text == "" {
				t.Fatalf("empty block from %q", s)
			}
		}
	})
}

// TestParseMarkdownConcurrent reads texts from several goroutines with the one shared reader
// (exports may run side by side): under -race, a shared state of the reader would show.
func TestParseMarkdownConcurrent(t *testing.T) {
	src := "# COMPTE RENDU\n\n| Thème | Pour |\n|---|--:|\n| Bancs | 40 |\n\n- un\n  - deux\n\nVoir https://mairie.example et [le plan](https://plan.example)."
	want := describe(parseMarkdown(src))
	got := make([]string, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = describe(parseMarkdown(src)) })
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("goroutine %d read %q, want %q", i, g, want)
		}
	}
}
