package export

import (
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

func TestLabels(t *testing.T) {
	fr, en := labelsFor(model.French), labelsFor(model.English)
	d := func(s string) time.Time { tm, _ := time.Parse(time.DateOnly, s); return tm }
	tests := []struct{ name, got, want string }{
		{"fr date", fr.formatDate(d("2025-06-17")), "17 juin 2025"},
		{"fr first of month", fr.formatDate(d("2025-07-01")), "1er juillet 2025"},
		{"en date", en.formatDate(d("2025-06-17")), "17 June 2025"},
		{"en first of month", en.formatDate(d("2025-07-01")), "1 July 2025"},
		{"meta date", fr.formatMetaDate("2025-08-15"), "15 août 2025"},
		{"bad meta date kept", fr.formatMetaDate("juin 2025"), "juin 2025"},
		{"fr exported", fr.formatExported(time.Date(2025, 6, 18, 9, 5, 0, 0, time.UTC)), "18 juin 2025 à 09 h 05"},
		{"en exported", en.formatExported(time.Date(2025, 6, 18, 9, 5, 0, 0, time.UTC)), "18 June 2025 at 09:05"},
		{"zero exported", fr.formatExported(time.Time{}), ""},
		{"fr kind", fr.kindName(model.KindPublicMeeting), "Réunion publique"},
		{"en kind", en.kindName(model.KindWebinar), "Webinar"},
		{"unknown kind", fr.kindName("hackathon"), "hackathon"},
		{"fr status", fr.statusName(model.StatusCancelled), "annulée"},
		{"unknown status", en.statusName("paused"), "paused"},
		{"fr count", fr.formatCount(1250), "1\u202f250"},
		{"en count", en.formatCount(1234567), "1,234,567"},
		{"small count", fr.formatCount(999), "999"},
		{"unknown language is french", labelsFor("de").docKind, "Compte-rendu comparé"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"# Titre\n\n- un *deux*", 3},
		{"45,5\u202f% des habitant·es", 3},
		{"l’église – « oui »", 3}, // the elided article counts, as everywhere in the application
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := countWords(tt.in); got != tt.want {
				t.Errorf("countWords(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}
