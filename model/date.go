package model

import (
	"strings"
	"time"
)

// dateLayouts are the ways people type a session date: ISO, French (day first) and with dashes or dots.
var dateLayouts = []string{time.DateOnly, "02/01/2006", "2/1/2006", "02-01-2006", "02.01.2006"}

// ParseDate reads a date typed as 2025-06-17, 17/06/2025, 17-06-2025 or 17.06.2025 and returns it
// as YYYY-MM-DD. An empty input gives an empty date; anything else unreadable is a ValidationError.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), nil
		}
	}
	return "", invalid("date", ProblemInvalid, 0)
}

// FormatDate shows a YYYY-MM-DD date the way a reader of lang expects it: 17/06/2025 in French,
// 2025-06-17 in English. A date it cannot read is returned unchanged.
func FormatDate(iso string, lang Language) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil || lang != French {
		return iso
	}
	return t.Format("02/01/2006")
}
