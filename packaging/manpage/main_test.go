package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/ui/cli"
)

// realHelp is the command line's help in English, as the page is made from it.
func realHelp(t *testing.T) string {
	t.Helper()
	t.Setenv("RAPPORTEUR_LANG", "en")
	var out, errs bytes.Buffer
	if status := cli.Run([]string{"help"}, "9.9.9", &out, &errs); status != 0 {
		t.Fatalf("help: status %d, %s", status, errs.String())
	}
	return out.String()
}

// TestEveryCommandOfTheHelp checks that the page has one entry for each of the help's
// usages, each naming a command the binary runs, with its whole synopsis and description.
func TestEveryCommandOfTheHelp(t *testing.T) {
	entries, exit, err := parseHelp(realHelp(t))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		words := strings.Fields(e.synopsis)
		if words[0] != "rapporteur" {
			t.Errorf("synopsis %q does not start with the command", e.synopsis)
		}
		if len(words) > 1 && cli.IsCommand(words[1]) {
			names = append(names, words[1])
		}
	}
	if got, want := strings.Join(names, " "), "presets models compare check render import"; got != want {
		t.Errorf("commands %q, want %q", got, want)
	}
	compare := entries[3]
	if !strings.HasSuffix(compare.synopsis, "[--allow-remote]") || compare.description != "generate variants of a report and write the comparison" {
		t.Errorf("compare: %+v", compare)
	}
	if !strings.HasPrefix(exit, "0 when everything asked was done; 1 when") {
		t.Errorf("exit status %q", exit)
	}
}

// TestParseContinuations reads a usage whose synopsis goes on over two lines and whose
// description has a line of its own.
func TestParseContinuations(t *testing.T) {
	help := "Usage:\n" +
		"  rapporteur a [--x X]     does a\n" +
		"  rapporteur b --long Y\n" +
		"               [--more Z]\n" +
		"                           does b,\n" +
		"                           and more\n" +
		"\nExit status: 0 always.\n"
	entries, exit, err := parseHelp(help)
	if err != nil {
		t.Fatal(err)
	}
	want := []entry{
		{"rapporteur a [--x X]", "does a"},
		{"rapporteur b --long Y [--more Z]", "does b, and more"},
	}
	if len(entries) != len(want) || entries[0] != want[0] || entries[1] != want[1] || exit != "0 always." {
		t.Errorf("got %+v, exit %q; want %+v", entries, exit, want)
	}
}

// TestParseRefusesOtherText fails on a help that is not made of usages, rather than writing
// an empty page.
func TestParseRefusesOtherText(t *testing.T) {
	for _, help := range []string{"", "rapporteur: usage unknown\n", "Usage:\n  rapporteur a\n\n"} {
		if _, _, err := parseHelp(help); err == nil {
			t.Errorf("parseHelp(%q) succeeded", help)
		}
	}
}

// TestRoff checks the page's escapes: options with minus signs, no text line read as a
// request, backslashes printed.
func TestRoff(t *testing.T) {
	var b bytes.Buffer
	entries := []entry{{"rapporteur x --opt A…", `.starts with a dot, has a \ backslash`}}
	if err := writePage(&b, `1.0 "beta"`, "2026-12-04", entries, "'quoted"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		`.TH RAPPORTEUR 1 "2026-12-04" "Rapporteur 1.0 ""beta""" "User Commands"`,
		"\\fBrapporteur\\fR x \\-\\-opt A...\n\\&.starts with a dot, has a \\e backslash\n",
		"\n\\&'quoted\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
}
