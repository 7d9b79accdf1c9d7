package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/generate/ollamatest"
)

// remoteServer has a local model and a remote one (a cloud model, as Ollama lists it).
func remoteServer(t *testing.T) *ollamatest.Server {
	t.Helper()
	srv := ollamatest.New(
		ollamatest.Model{Name: "mistral:7b", ParameterSize: "7.2B", ContextLength: 8192},
		ollamatest.Model{Name: "gpt-oss:120b-cloud", ParameterSize: "116.8B", ContextLength: 131072, RemoteHost: "https://ollama.com:443"},
	)
	t.Cleanup(srv.Close)
	return srv
}

// columnOf returns the index of the matrix column of a model.
func columnOf(t *testing.T, u *UI, name string) int {
	t.Helper()
	for i, c := range u.gen.matrix.columns {
		if c.info.Name == name {
			return i
		}
	}
	t.Fatalf("no column for %s", name)
	return -1
}

// TestRemoteModelMarkedAndAsked: a remote model's column says the report would leave this
// computer, and where to; ticking it asks first, naming the destination; cancelled, it stays
// unticked and is not allowed.
func TestRemoteModelMarkedAndAsked(t *testing.T) {
	srv := remoteServer(t)
	env := newOllamaEnv(t, srv.URL())
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	col := u.gen.matrix.columns[columnOf(t, u, "gpt-oss:120b-cloud")]
	if !strings.HasPrefix(col.label(), "☁ ") || !strings.Contains(u.gen.matrix.columnDetail(col), "quitte cet ordinateur (vers ollama.com)") {
		t.Errorf("remote column %q / %q is not marked", col.label(), u.gen.matrix.columnDetail(col))
	}
	local := u.gen.matrix.columns[columnOf(t, u, "mistral:7b")]
	if strings.Contains(local.label(), "☁") || strings.Contains(u.gen.matrix.columnDetail(local), "quitte") {
		t.Errorf("the local model is marked remote")
	}
	check := cellCheck(t, u, col, "synthese-courte")
	test.Tap(check)
	msg := overlayText(t, env.win)
	if !strings.Contains(msg, "ollama.com") || !strings.Contains(msg, "compte-rendu entier") {
		t.Fatalf("the confirmation %q does not name the destination", msg)
	}
	tapOverlayButton(t, env.win, "Annuler")
	if check.Checked || u.gen.matrix.ticked[col.key()+"|synthese-courte"] || RemoteAllowed(u.app, col.host, col.info.Name) {
		t.Error("the remote model is ticked or allowed although the user cancelled")
	}
	test.Tap(check)
	tapOverlayButton(t, env.win, "Autoriser")
	if !u.gen.matrix.ticked[col.key()+"|synthese-courte"] || !RemoteAllowed(u.app, col.host, col.info.Name) {
		t.Error("the remote model allowed is not ticked")
	}
}

// TestRemoteModelNotUsedWithoutLeave: a remote model ticked without the user's leave (a run
// restored, a preference lost) fails with its reason, and nothing reaches the host's chat.
func TestRemoteModelNotUsedWithoutLeave(t *testing.T) {
	srv := remoteServer(t)
	env := newOllamaEnv(t, srv.URL())
	u := env.u
	u.lib.OpenExample()
	waitModels(t, env, 2)
	onlyTick(u, map[int][]string{columnOf(t, u, "gpt-oss:120b-cloud"): {"synthese-courte"}})
	test.Tap(u.gen.start)
	env.q.pumpUntil(t, "run done", func() bool { return u.run != nil && isDone(u.run.job) && allFinal(u.cmp.variants) })
	env.q.drain()
	stored, err := env.st.Variants(context.Background(), u.cmp.run.ID)
	if err != nil || len(stored) != 1 {
		t.Fatalf("%d variants, %v", len(stored), err)
	}
	v := stored[0]
	if v.Status != model.StatusFailed || v.ErrorCode != string(generate.CodeRemoteRefused) || !strings.Contains(VariantErrorText(v), "rien n’a été envoyé") {
		t.Errorf("variant %s %s: %q", v.Status, v.ErrorCode, VariantErrorText(v))
	}
	if n := srv.Requests("/api/chat"); n != 0 {
		t.Errorf("%d chats reached the host", n)
	}
}

// cellCheck returns the check box of a column and a preset in the matrix.
func cellCheck(t *testing.T, u *UI, col engineColumn, preset string) *widget.Check {
	t.Helper()
	rows := u.gen.matrix.grid
	for i, p := range u.gen.matrix.presets {
		if p.ID != preset {
			continue
		}
		row := rows.Objects[i+1].(*fyne.Container)
		for j, c := range u.gen.matrix.columns {
			if c.key() == col.key() {
				return row.Objects[j+1].(*fyne.Container).Objects[0].(*widget.Check)
			}
		}
	}
	t.Fatalf("no cell for %s × %s", col.info.Name, preset)
	return nil
}

// overlayText is all the text of the dialog shown on top of w.
func overlayText(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var b strings.Builder
	walk(top, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
		return false
	})
	return b.String()
}

// tapOverlayButton taps the button labelled text in the dialog on top of w.
func tapOverlayButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var found *widget.Button
	walk(top, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
			return true
		}
		return false
	})
	if found == nil {
		t.Fatalf("no button %q in the dialog", text)
	}
	test.Tap(found)
}

// walk visits o and what it contains, depth first, until visit returns true.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if visit(o) {
		return true
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		if walk(c, visit) {
			return true
		}
	}
	return false
}

// TestFinalDisclosureSaysWhere: the AI-use line of a published variant says where it was
// written when that was not this computer.
func TestFinalDisclosureSaysWhere(t *testing.T) {
	env := newTestEnv(t, LanguageFrench)
	v := model.Variant{Spec: model.Spec{Engine: model.EngineOllama, Model: "gpt-oss:120b-cloud"}}
	if got := env.u.cmp.disclosure(v); strings.Contains(got, "distant") || strings.Contains(got, "réseau") {
		t.Errorf("a variant of unknown place: %q", got)
	}
	v.Stats.Where, v.Stats.WhereHost = model.PlaceRemote, "ollama.com"
	if got := env.u.cmp.disclosure(v); !strings.Contains(got, "Rédigé par un service distant, ollama.com, hors de cet ordinateur") {
		t.Errorf("a remote variant: %q", got)
	}
	v.Stats.Where, v.Stats.WhereHost = model.PlaceNetwork, "gpu-salle-b"
	if got := env.u.cmp.disclosure(v); !strings.Contains(got, "Rédigé sur gpu-salle-b, une machine du réseau local") {
		t.Errorf("a variant of the network: %q", got)
	}
}
