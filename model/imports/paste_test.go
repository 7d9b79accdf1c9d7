package imports

import "testing"

func TestPasted(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"word paragraphs", "Contexte\r\nLa réunion a réuni 45 personnes.\r\nElle a duré deux heures.\r\n", "Contexte\n\nLa réunion a réuni 45 personnes.\n\nElle a duré deux heures."},
		{"bullets kept together", "Propositions\n•\tplus de bancs\n•\tun abri vélos\nSuite", "Propositions\n\n- plus de bancs\n- un abri vélos\n\nSuite"},
		{"numbered list", "Décisions\n1. Étude\n2) Vote\nFin", "Décisions\n\n1. Étude\n2) Vote\n\nFin"},
		{"markdown kept", "# Titre\n\nUn paragraphe\nsur deux lignes.\n", "# Titre\n\nUn paragraphe\nsur deux lignes."},
		{"one line", "Juste une phrase.", "Juste une phrase."},
		{"controls dropped", "A\x07B\nC", "AB\n\nC"},
		{"dash without space is a word", "–10 %\nfin", "–10 %\n\nfin"},
		{"nfc", "e\u0301te\u0301", "été"},
		{"bullet then no-break space", "Idées\n•\u00a0des bancs\n•\u00a0de l’ombre", "Idées\n\n- des bancs\n- de l’ombre"},
		{"old mac line ends", "Un\rDeux", "Un\n\nDeux"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Pasted(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzPasted(f *testing.F) {
	for _, s := range []string{"a\nb", "•\tx\n• y", "1. a\n2. b", "\r\n\r\n", "- \n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Pasted(s)
		if again := Pasted(out); again != out {
			t.Errorf("not stable: %q → %q → %q", s, out, again)
		}
	})
}
