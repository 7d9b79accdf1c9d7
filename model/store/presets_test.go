package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/rapporteur/rapporteur/model"
)

// userPreset is a preset a user could write, with notes and a target length.
func userPreset(id, name string) model.Preset {
	return model.Preset{
		ID:          id,
		Version:     7, // ignored by SavePreset
		Name:        model.Localized{model.French: name, model.English: name + " (en)"},
		Description: model.Localized{model.French: "Pour le bulletin municipal."},
		Instructions: model.Localized{model.French: "Résume « {{titre}} » pour le bulletin, en {{longueur}} mots.\n" +
			"Garde les chiffres exacts."},
		TargetWords: 250,
		Notes: map[model.Language][]model.Note{model.French: {
			{Rule: "Garde les chiffres", Why: "Un modèle arrondit volontiers ; les habitant·es vérifient."},
		}},
	}
}

// mustSavePreset saves p, failing the test on error.
func mustSavePreset(t *testing.T, s *Store, p model.Preset) model.Preset {
	t.Helper()
	saved, err := s.SavePreset(context.Background(), p)
	if err != nil {
		t.Fatalf("SavePreset(%s): %v", p.ID, err)
	}
	return saved
}

func TestPresetRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	p := userPreset("bulletin", "Bulletin")
	saved := mustSavePreset(t, s, p)
	want := p
	want.Version = 1
	if !reflect.DeepEqual(saved, want) {
		t.Fatalf("SavePreset = %+v, want %+v", saved, want)
	}
	got, err := s.PresetVersion(ctx, "bulletin", 1)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("PresetVersion = %+v, %v; want %+v", got, err, want)
	}
	list, err := s.Presets(ctx)
	if err != nil || len(list) != 1 || !reflect.DeepEqual(list[0], want) {
		t.Fatalf("Presets = %+v, %v", list, err)
	}
	if got.TargetWords != 250 || len(got.Notes[model.French]) != 1 || got.Builtin {
		t.Errorf("notes, target or builtin flag not kept: %+v", got)
	}
}

func TestPresetVersions(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	p := userPreset("bulletin", "Bulletin")
	if v := mustSavePreset(t, s, p).Version; v != 1 {
		t.Fatalf("first version %d", v)
	}
	p.Version = 42
	if v := mustSavePreset(t, s, p).Version; v != 1 {
		t.Fatalf("an identical save made version %d", v)
	}
	p.Instructions[model.French] += "\nN’invente rien."
	if v := mustSavePreset(t, s, p).Version; v != 2 {
		t.Fatalf("a change made version %d, want 2", v)
	}
	p.TargetWords = 300
	third := mustSavePreset(t, s, p)
	if third.Version != 3 {
		t.Fatalf("a change of target made version %d, want 3", third.Version)
	}
	versions, err := s.PresetVersions(ctx, "bulletin")
	if err != nil || len(versions) != 3 {
		t.Fatalf("PresetVersions = %d, %v", len(versions), err)
	}
	for i, v := range versions {
		if v.Version != 3-i {
			t.Errorf("versions[%d].Version = %d, want newest first", i, v.Version)
		}
	}
	if !reflect.DeepEqual(versions[0], third) || versions[2].TargetWords != 250 {
		t.Errorf("versions %+v", versions)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM presets").Scan(&n); err != nil || n != 3 {
		t.Errorf("%d rows (%v), want 3", n, err)
	}
}

func TestPresetDelete(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	p := userPreset("bulletin", "Bulletin")
	first := mustSavePreset(t, s, p)
	mustSavePreset(t, s, userPreset("affiche", "Affiche"))
	if err := s.DeletePreset(ctx, "bulletin"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePreset(ctx, "bulletin"); err != nil {
		t.Errorf("deleting twice: %v", err)
	}
	if list, _ := s.Presets(ctx); len(list) != 1 || list[0].ID != "affiche" {
		t.Fatalf("Presets after delete = %+v", list)
	}
	if old, err := s.PresetVersion(ctx, "bulletin", 1); err != nil || !reflect.DeepEqual(old, first) {
		t.Fatalf("deleted version not readable: %+v, %v", old, err)
	}
	revived := mustSavePreset(t, s, p)
	if revived.Version != 2 {
		t.Fatalf("saving a deleted preset made version %d, want 2", revived.Version)
	}
	if list, _ := s.Presets(ctx); len(list) != 2 || list[1].ID != "bulletin" || list[1].Version != 2 {
		t.Fatalf("Presets after revival = %+v", list)
	}
	if err := s.DeletePreset(ctx, "inconnu"); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeletePreset(unknown) = %v", err)
	}
}

func TestPresetsOrder(t *testing.T) {
	s := openTemp(t)
	for _, p := range []model.Preset{userPreset("z", "Zèbre"), userPreset("e2", "étoile"), userPreset("a", "Affiche"), userPreset("e1", "Étoile")} {
		mustSavePreset(t, s, p)
	}
	list, err := s.Presets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range list {
		ids = append(ids, p.ID)
	}
	if want := []string{"a", "e1", "e2", "z"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
}

func TestPresetErrors(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	builtin := model.BuiltinPresets()[0]
	noName := userPreset("sans-nom", "")
	noName.Name = nil
	tests := []struct {
		name     string
		call     func() error
		field    string
		notFound bool
	}{
		{"built-in id", func() error { _, err := s.SavePreset(ctx, builtin); return err }, "id", false},
		{"built-in id, other content", func() error {
			_, err := s.SavePreset(ctx, userPreset(builtin.ID, "Ma version"))
			return err
		}, "id", false},
		{"bad id", func() error { _, err := s.SavePreset(ctx, userPreset("Avec Espace", "X")); return err }, "id", false},
		{"no name", func() error { _, err := s.SavePreset(ctx, noName); return err }, "name", false},
		{"missing version", func() error { _, err := s.PresetVersion(ctx, "inconnu", 1); return err }, "", true},
		{"missing versions", func() error { _, err := s.PresetVersions(ctx, "inconnu"); return err }, "", true},
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
			if errors.Is(err, ErrNotFound) != tc.notFound {
				t.Errorf("error %v: errors.Is(ErrNotFound) = %v", err, !tc.notFound)
			}
		})
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM presets").Scan(&n); err != nil || n != 0 {
		t.Errorf("refused presets left %d rows (%v)", n, err)
	}
}

func TestMigrationKeepsVariants(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	// A workspace as the third schema left it, with a report, a revision, a run and a variant.
	execSQL(t, path, migrations[0]+";"+migrations[1]+";"+migrations[2]+`; PRAGMA user_version = 3;
		INSERT INTO reports (title, kind, language, created, updated) VALUES ('Atelier', 'workshop', 'fr', 1, 1);
		INSERT INTO revisions (report_id, number, title, kind, language, body, hash, created)
			VALUES (1, 1, 'Atelier', 'workshop', 'fr', 'Texte.', 'h', 1);
		INSERT INTO runs (report_id, revision_id, specs, created) VALUES (1, 1, '[{"engine":"builtin","preset":"points-cles"}]', 1);
		INSERT INTO variants (run_id, revision_id, idx, spec, status, text, updated)
			VALUES (1, 1, 0, '{"engine":"builtin","preset":"points-cles"}', 'done', '- Texte.', 1);`)
	for i := range 2 {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		checkSchema(t, s)
		vs, err := s.Variants(context.Background(), 1)
		if err != nil || len(vs) != 1 || vs[0].Text != "- Texte." || vs[0].Prompt != "" || vs[0].PresetID != "points-cles" {
			t.Errorf("open %d: variants %+v, %v", i, vs, err)
		}
		if i == 0 {
			mustSavePreset(t, s, userPreset("bulletin", "Bulletin"))
		} else if ps, err := s.Presets(context.Background()); err != nil || len(ps) != 1 {
			t.Errorf("presets after reopening: %+v, %v", ps, err)
		}
		s.Close()
	}
}
