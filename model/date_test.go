package model

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"", "", false},
		{"  ", "", false},
		{"2025-06-17", "2025-06-17", false},
		{"17/06/2025", "2025-06-17", false},
		{"7/6/2025", "2025-06-07", false},
		{"17-06-2025", "2025-06-17", false},
		{"17.06.2025", "2025-06-17", false},
		{"31/02/2025", "", true},
		{"juin 2025", "", true},
		{"2025-13-01", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseDate(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err != nil && AsValidation(err) == nil {
				t.Fatalf("ParseDate(%q) error %v is not a ValidationError", tt.in, err)
			}
			if got != tt.want {
				t.Fatalf("ParseDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFormatDate(t *testing.T) {
	if got := FormatDate("2025-06-17", French); got != "17/06/2025" {
		t.Errorf("French: got %q", got)
	}
	if got := FormatDate("2025-06-17", English); got != "2025-06-17" {
		t.Errorf("English: got %q", got)
	}
	if got := FormatDate("bad", French); got != "bad" {
		t.Errorf("bad: got %q", got)
	}
}

func TestGuessLanguage(t *testing.T) {
	tests := []struct {
		name, text string
		want       Language
	}{
		{"french", "La réunion publique s'est tenue dans la salle des fêtes avec les habitants du quartier et les élus.", French},
		{"english", "The public meeting was held in the village hall with the residents and the council members.", English},
		{"too short", "Bonjour", English},
		{"empty", "", English},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GuessLanguage(tt.text, English); got != tt.want {
				t.Errorf("GuessLanguage = %q, want %q", got, tt.want)
			}
		})
	}
}
