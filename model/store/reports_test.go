package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

func TestReportRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	created, err := s.CreateReport(ctx, sampleReport("Atelier de concertation — place du marché"))
	if err != nil {
		t.Fatal(err)
	}
	if created.ID == 0 || created.Created.IsZero() || !created.Updated.Equal(created.Created) {
		t.Fatalf("CreateReport did not set ID and times: %+v", created)
	}
	got, err := s.Report(ctx, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, created) {
		t.Fatalf("Report() = %+v\nwant %+v", got, created)
	}
	edited := got
	edited.Body += "\nM. Diallo propose une seconde réunion le 2 avril à 18h30.\n"
	edited.Created = edited.Created.AddDate(-1, 0, 0) // ignored by SaveReport
	saved, err := s.SaveReport(ctx, edited)
	if err != nil {
		t.Fatal(err)
	}
	if !saved.Created.Equal(created.Created) || saved.Updated.Before(created.Updated) {
		t.Errorf("SaveReport times: created %v updated %v", saved.Created, saved.Updated)
	}
	got, err = s.Report(ctx, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, saved) {
		t.Fatalf("after save Report() = %+v\nwant %+v", got, saved)
	}
}

func TestReportErrors(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	r, err := s.CreateReport(ctx, sampleReport("Webinaire mobilités"))
	if err != nil {
		t.Fatal(err)
	}
	noTitle := sampleReport(" ")
	badLang := sampleReport("Réunion")
	badLang.Language = "de"
	badUTF8 := sampleReport("Réunion")
	badUTF8.Body = "caf\xe9"
	missing := r
	missing.ID = 999
	tests := []struct {
		name     string
		call     func() error
		field    string // expected ValidationError field, or ""
		notFound bool
	}{
		{"create without title", func() error { _, err := s.CreateReport(ctx, noTitle); return err }, "title", false},
		{"create with bad language", func() error { _, err := s.CreateReport(ctx, badLang); return err }, "language", false},
		{"create with invalid utf-8", func() error { _, err := s.CreateReport(ctx, badUTF8); return err }, "body", false},
		{"save invalid", func() error { bad := r; bad.Kind = "party"; _, err := s.SaveReport(ctx, bad); return err }, "kind", false},
		{"save missing", func() error { _, err := s.SaveReport(ctx, missing); return err }, "", true},
		{"get missing", func() error { _, err := s.Report(ctx, 999); return err }, "", true},
		{"rename empty", func() error { return s.RenameReport(ctx, r.ID, "") }, "title", false},
		{"rename too long", func() error { return s.RenameReport(ctx, r.ID, strings.Repeat("é", model.MaxTitleLen+1)) }, "title", false},
		{"rename missing", func() error { return s.RenameReport(ctx, 999, "Titre") }, "", true},
		{"delete missing", func() error { return s.DeleteReport(ctx, 999) }, "", true},
		{"snapshot missing", func() error { _, err := s.Snapshot(ctx, 999); return err }, "", true},
		{"revision missing", func() error { _, err := s.Revision(ctx, 999); return err }, "", true},
		{"runs of missing report", func() error { _, err := s.Runs(ctx, 999); return err }, "", true},
		{"variants of missing run", func() error { _, err := s.Variants(ctx, 999); return err }, "", true},
		{"cancelled context", func() error {
			c, cancel := context.WithCancel(ctx)
			cancel()
			_, err := s.CreateReport(c, sampleReport("Annulé"))
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error %v is not context.Canceled", err)
			}
			return err
		}, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if err == nil {
				t.Fatal("no error")
			}
			if v := model.AsValidation(err); tc.field != "" && (v == nil || v.Field != tc.field) {
				t.Errorf("error %v, want a validation error on %q", err, tc.field)
			}
			if errors.Is(err, model.ErrNotFound) != tc.notFound {
				t.Errorf("error %v: errors.Is(ErrNotFound) = %v", err, !tc.notFound)
			}
		})
	}
}

func TestListReports(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	titles := []string{
		"Réunion publique — école Jules-Ferry",
		"Atelier de concertation : place du marché",
		"Webinaire sur le cœur de bourg",
		"Public meeting on cycle lanes",
	}
	ids := map[string]int64{}
	for _, title := range titles {
		r, err := s.CreateReport(ctx, sampleReport(title))
		if err != nil {
			t.Fatal(err)
		}
		ids[title] = r.ID
	}
	// Touch the first one: it becomes the most recent.
	if err := s.RenameReport(ctx, ids[titles[0]], "Réunion publique — école Jules-Ferry (bis)"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []int64
	}{
		{"", []int64{ids[titles[0]], ids[titles[3]], ids[titles[2]], ids[titles[1]]}},
		{"  ", []int64{ids[titles[0]], ids[titles[3]], ids[titles[2]], ids[titles[1]]}},
		{"reunion", []int64{ids[titles[0]]}},
		{"RÉUNION bis", []int64{ids[titles[0]]}},
		{"marche place", []int64{ids[titles[1]], ids[titles[0]], ids[titles[3]], ids[titles[2]]}}, // title first, then text
		{"coeur", []int64{ids[titles[2]]}},
		{"cycle", []int64{ids[titles[3]]}},
		{"e", []int64{ids[titles[0]], ids[titles[3]], ids[titles[2]], ids[titles[1]]}},
		{"absent", []int64{}},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			got, err := s.ListReports(ctx, tc.query)
			if err != nil {
				t.Fatal(err)
			}
			gotIDs := []int64{}
			for _, r := range got {
				if r.Body == "" {
					t.Errorf("report %d listed without its body", r.ID)
				}
				gotIDs = append(gotIDs, r.ID)
			}
			if !reflect.DeepEqual(gotIDs, tc.want) {
				t.Errorf("ListReports(%q) = %v, want %v", tc.query, gotIDs, tc.want)
			}
		})
	}
}

func TestDeleteReportCascades(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	keep, err := s.CreateReport(ctx, sampleReport("À garder"))
	if err != nil {
		t.Fatal(err)
	}
	gone, err := s.CreateReport(ctx, sampleReport("À supprimer"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []model.Report{keep, gone} {
		rev, err := s.Snapshot(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: builtinSpecs(2)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteReport(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{"reports": 1, "revisions": 1, "runs": 1, "variants": 2}
	for table, want := range counts {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d rows left, want %d", table, n, want)
		}
	}
	if _, err := s.Report(ctx, gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted report still found: %v", err)
	}
}
