package model

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
	"unicode/utf8"
)

// Language is the language a report is written in: French or English.
type Language string

// The languages Rapporteur writes and analyses.
const (
	French  Language = "fr"
	English Language = "en"
)

// Valid reports whether l is a supported language.
func (l Language) Valid() bool { return l == French || l == English }

// SessionKind is the kind of participation session a report is about.
type SessionKind string

// The kinds of session Rapporteur knows.
const (
	KindWorkshop      SessionKind = "workshop"       // atelier
	KindWebinar       SessionKind = "webinar"        // webinaire
	KindPublicMeeting SessionKind = "public-meeting" // réunion publique
	KindConsultation  SessionKind = "consultation"   // concertation, comité
	KindOther         SessionKind = "other"          // autre
)

// SessionKinds lists every kind, in the order the editor offers them.
var SessionKinds = []SessionKind{KindWorkshop, KindWebinar, KindPublicMeeting, KindConsultation, KindOther}

// Valid reports whether k is a known kind of session.
func (k SessionKind) Valid() bool {
	for _, known := range SessionKinds {
		if k == known {
			return true
		}
	}
	return false
}

// Limits on report fields; the body limit also bounds imports.
const (
	MaxTitleLen = 300       // characters in a title
	MaxFieldLen = 1000      // characters in place, organisers or audience
	MaxBodyLen  = 2_000_000 // characters in a body (about 300,000 words)
)

// Meta is what a report says about its session, apart from its body.
type Meta struct {
	// Title of the report, required.
	Title string `json:"title"`
	// Kind of session reported on.
	Kind SessionKind `json:"kind"`
	// Date of the session, as YYYY-MM-DD, or empty when unknown.
	Date string `json:"date,omitempty"`
	// Place where the session happened (a town hall, "en ligne").
	Place string `json:"place,omitempty"`
	// Organisers of the session, free text.
	Organisers string `json:"organisers,omitempty"`
	// Audience the session addressed, free text.
	Audience string `json:"audience,omitempty"`
	// Language the report is written in.
	Language Language `json:"language"`
}

// Report is a session report being written: its metadata and Markdown body, as last saved.
type Report struct {
	// ID is the store's identifier, zero before the first save.
	ID int64 `json:"id"`
	Meta
	// Body is the report's text in Markdown.
	Body string `json:"text"`
	// Created and Updated are set by the store.
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// NewReport returns an empty report with sensible defaults for lang.
func NewReport(title string, lang Language) Report {
	if !lang.Valid() {
		lang = French
	}
	return Report{Meta: Meta{Title: title, Kind: KindWorkshop, Language: lang}}
}

// Validate checks every field of the report and returns the first problem found.
func (r Report) Validate() error {
	if err := r.Meta.Validate(); err != nil {
		return err
	}
	if !utf8.ValidString(r.Body) {
		return invalid("body", ProblemInvalidUTF8, 0)
	}
	if utf8.RuneCountInString(r.Body) > MaxBodyLen {
		return invalid("body", ProblemTooLong, MaxBodyLen)
	}
	return nil
}

// Validate checks the metadata fields.
func (m Meta) Validate() error {
	if trimmed(m.Title) == "" {
		return invalid("title", ProblemRequired, 0)
	}
	if err := checkText("title", m.Title, MaxTitleLen); err != nil {
		return err
	}
	if !m.Kind.Valid() {
		return invalid("kind", ProblemInvalid, 0)
	}
	if m.Date != "" {
		if _, err := time.Parse(time.DateOnly, m.Date); err != nil {
			return invalid("date", ProblemInvalid, 0)
		}
	}
	for _, f := range []struct{ name, value string }{
		{"place", m.Place}, {"organisers", m.Organisers}, {"audience", m.Audience},
	} {
		if err := checkText(f.name, f.value, MaxFieldLen); err != nil {
			return err
		}
	}
	if !m.Language.Valid() {
		return invalid("language", ProblemInvalid, 0)
	}
	return nil
}

// Revision is a frozen copy of a report at one moment: what a generation was made from.
// Revisions are never changed; a comparison stays true after the report is edited.
type Revision struct {
	// ID is the store's identifier.
	ID int64 `json:"id"`
	// ReportID is the report this revision belongs to.
	ReportID int64 `json:"report_id"`
	// Number counts the report's revisions from 1.
	Number int `json:"number"`
	Meta
	// Body is the Markdown text at that moment.
	Body string `json:"text"`
	// Hash identifies the content (metadata and body); equal content gives an equal hash.
	Hash string `json:"hash"`
	// Created is when the revision was taken.
	Created time.Time `json:"created"`
}

// ContentHash returns a stable hash of a report's metadata and body, used to avoid
// storing two identical revisions in a row.
func ContentHash(m Meta, body string) string {
	h := sha256.New()
	for _, s := range []string{m.Title, string(m.Kind), m.Date, m.Place, m.Organisers, m.Audience, string(m.Language), body} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func checkText(field, value string, limit int) error {
	if !utf8.ValidString(value) {
		return invalid(field, ProblemInvalidUTF8, 0)
	}
	if utf8.RuneCountInString(value) > limit {
		return invalid(field, ProblemTooLong, float64(limit))
	}
	return nil
}
