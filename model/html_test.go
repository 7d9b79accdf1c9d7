package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestInlineHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bold", "Le <b>budget</b> est voté.", "Le **budget** est voté."},
		{"strong and em", "<strong>Décision</strong> : <em>reportée</em>", "**Décision** : *reportée*"},
		{"italic", "un <i>atelier</i> ouvert", "un *atelier* ouvert"},
		{"spaces moved outside", "<b>Mot </b>suite et <i> là</i>", "**Mot** suite et  *là*"},
		{"underline plain", "<u>Ordre du jour</u> : voirie", "Ordre du jour : voirie"},
		{"break inside", "Première ligne<br>seconde<br/>troisième<br />quatrième",
			"Première ligne  \nseconde  \ntroisième  \nquatrième"},
		{"break at end", "Fin de ligne<br>\nsuite", "Fin de ligne  \nsuite"},
		{"break in table", "| a<br>b | c |", "| a b | c |"},
		{"break in heading", "## Titre<br>long", "## Titre long"},
		{"sup and span", `1<sup>er</sup> adjoint, <span style="color:red">urgent</span>`, "1er adjoint, urgent"},
		{"word paste", `<p class="MsoNormal">Texte<o:p></o:p></p>`, "Texte"},
		{"comment", "avant<!-- note -->après", "avantaprès"},
		{"nbsp", "Montant&nbsp;: 12&nbsp;000&nbsp;€", "Montant\u00a0: 12\u00a0000\u00a0€"},
		{"numeric entity", "caf&#233; &#xE9;t&eacute;", "café été"},
		{"markdown entity escaped", "A &amp; B &lt;b&gt;", `A \& B \<b\>`},
		{"unknown entity", "&foo; reste", "&foo; reste"},
		{"less than", "si a < b et c > d", "si a < b et c > d"},
		{"autolink", "voir <https://example.org/a>", "voir <https://example.org/a>"},
		{"unknown tag", "remplacer <Nom> par le nom", "remplacer <Nom> par le nom"},
		{"unclosed bold", "<b>gras sans fin", "gras sans fin"},
		{"stray closing", "texte</b> fin", "texte fin"},
		{"empty pair", "a<b></b>b", "ab"},
		{"nested", "<b><i>les deux</i></b>", "***les deux***"},
		{"strike", "<s>ancien</s> nouveau", "~~ancien~~ nouveau"},
		{"code span", "tapez `<b>x</b>` puis <b>y</b>", "tapez `<b>x</b>` puis **y**"},
		{"double code span", "``a ` <br> b`` et <br>c", "``a ` <br> b`` et  \nc"},
		{"escaped", `\<b> reste`, `\<b> reste`},
		{"fenced code", "```html\n<b>x</b>\n```\n<b>y</b>", "```html\n<b>x</b>\n```\n**y**"},
		{"indented code", "Texte\n\n    <br> code\n\n<br>fin", "Texte\n\n    <br> code\n\n  \nfin"},
		{"list continuation", "- item\n\n    suite <b>gras</b>", "- item\n\n    suite **gras**"},
		{"no html", "Rien à faire ici.", "Rien à faire ici."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := InlineHTML(tt.in); got != tt.want {
				t.Errorf("InlineHTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzInlineHTML(f *testing.F) {
	for _, s := range []string{"<b>a</b>", "a<br>b", "`<i>`", "&nbsp;<u>x</u>", "<b><i>x</b></i>", "é<b>\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := InlineHTML(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Errorf("InlineHTML(%q) = %q, not valid UTF-8", s, out)
		}
		if !strings.ContainsAny(s, "<&") && out != s {
			t.Errorf("InlineHTML(%q) = %q, changed a text without HTML", s, out)
		}
	})
}

func TestHTMLMarkupLen(t *testing.T) {
	for in, want := range map[string]int{
		"<br/>suite": 5, "</u> x": 4, `<span style="a">b`: 16, "&nbsp;x": 6, "<!-- n -->x": 10,
		"< b": 0, "<Nom> x": 0, "<https://e.org>": 0, "&foo bar": 0, "texte": 0, "": 0,
	} {
		if got := HTMLMarkupLen(in); got != want {
			t.Errorf("HTMLMarkupLen(%q) = %d, want %d", in, got, want)
		}
	}
}
