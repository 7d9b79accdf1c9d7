package i18n

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate/ollama"
)

// KindLabel returns the translated name of a kind of session.
func KindLabel(k model.SessionKind) string {
	switch k {
	case model.KindWorkshop:
		return lang.L("Workshop")
	case model.KindWebinar:
		return lang.L("Webinar")
	case model.KindPublicMeeting:
		return lang.L("Public meeting")
	case model.KindConsultation:
		return lang.L("Consultation or committee")
	default:
		return lang.L("Other kind of session")
	}
}

// StatusLabel returns the translated name of a variant's status.
func StatusLabel(s model.Status) string {
	switch s {
	case model.StatusQueued:
		return lang.L("Queued")
	case model.StatusRunning:
		return lang.L("Generating…")
	case model.StatusDone:
		return lang.L("Done")
	case model.StatusFailed:
		return lang.L("Failed")
	case model.StatusCancelled:
		return lang.L("Cancelled")
	}
	return string(s)
}

// LanguageLabel returns the translated name of a report language.
func LanguageLabel(l model.Language) string {
	if l == model.English {
		return lang.L("English")
	}
	return lang.L("French")
}

// FieldLabel names a field of a report, a preset or a spec; an unknown field keeps its name.
func FieldLabel(field string) string {
	labels := map[string]func() string{
		"title":        func() string { return lang.L("Title") },
		"kind":         func() string { return lang.L("Kind of session") },
		"date":         func() string { return lang.L("Date") },
		"place":        func() string { return lang.L("Place") },
		"organisers":   func() string { return lang.L("Organisers") },
		"audience":     func() string { return lang.L("Audience") },
		"language":     func() string { return lang.L("Language") },
		"body":         func() string { return lang.L("Text") },
		"name":         func() string { return lang.L("Name") },
		"description":  func() string { return lang.L("What it produces") },
		"instructions": func() string { return lang.L("Instructions") },
		"notes":        func() string { return lang.L("Notes") },
		"target_words": func() string { return lang.L("Target length") },
		"target_ratio": func() string { return lang.L("Target length") },
		"id":           func() string { return lang.L("Identifier") },
	}
	if f, ok := labels[field]; ok {
		return f()
	}
	return field
}

// FitText says whether a report fits a model's context, as planned by ollama.Engine.Plan; a
// count estimated rather than made with the model's own tokenizer is marked « ≈ ».
func FitText(f ollama.Fit) string {
	need := Compact(f.PromptTokens + f.OutputTokens)
	if !f.Exact {
		need = "≈ " + need
	}
	data := map[string]any{"Need": need, "Max": Compact(f.ModelContext), "Set": Compact(f.NumCtx), "Chunks": f.Chunks}
	switch {
	case f.Fits:
		return lang.L("fits the context: {{.Need}} / {{.Max}} tokens", data)
	case f.Chunks > 0:
		return lang.L("too long: {{.Need}} / {{.Max}} tokens, read in {{.Chunks}} parts", data)
	}
	return lang.L("{{.Need}} tokens for a context set to {{.Set}}: the end of the report will be cut", data)
}

// Float formats a number with prec decimals, with a decimal comma in French.
func Float(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if CurrentLanguage() == model.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Int writes an integer with thousands grouped: 12 345 in French (with a no-break space,
// which Fyne's wrapping respects, unlike the narrow one), 12,345 in English.
func Int(n int) string {
	sep := ","
	if CurrentLanguage() == model.French {
		sep = "\u00a0"
	}
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Compact writes a count in a few characters that never wrap: 534, 1,5k, 32,8k, 131k in
// French; 1.5k, 2k in English.
func Compact(n int) string {
	return compactCount(n, CurrentLanguage() == model.French)
}

// compactCount is Compact with the decimal separator chosen by decimalComma: counts under
// 1,000 in full, then thousands with one decimal, dropped when it is 0, then whole thousands
// from 99,950.
func compactCount(n int, decimalComma bool) string {
	if n < 1000 {
		return strconv.Itoa(n)
	}
	if n >= 99_950 {
		return strconv.Itoa((n+500)/1000) + "k"
	}
	tenths := (n + 50) / 100
	s := strconv.Itoa(tenths / 10)
	if d := tenths % 10; d != 0 {
		sep := "."
		if decimalComma {
			sep = ","
		}
		s += sep + strconv.Itoa(d)
	}
	return s + "k"
}
