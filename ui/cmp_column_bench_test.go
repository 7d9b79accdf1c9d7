package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/rapporteur/rapporteur/model"
)

// longComparison opens, in a 1440×900 window, the comparison of a 10,000-word source with
// three long variants, analysed.
func longComparison(tb testing.TB) (*testEnv, *comparison) {
	tb.Helper()
	env := newTestEnv(tb, LanguageFrench)
	env.win.Resize(fyne.NewSize(1440, 900))
	ctx := context.Background()
	source := sampleReport(10000, 1)
	report := model.NewReport("Concertation Bellevue", model.French)
	report.Body = source
	report, err := env.st.CreateReport(ctx, report)
	if err != nil {
		tb.Fatal(err)
	}
	rev, err := env.st.Snapshot(ctx, report.ID)
	if err != nil {
		tb.Fatal(err)
	}
	texts := []string{sampleVariant(source, 4000, 2), sampleVariant(source, 6000, 3), sampleVariant(source, 2500, 4)}
	specs := make([]model.Spec, len(texts))
	for i := range texts {
		specs[i] = model.Spec{Engine: model.EngineBuiltin, PresetID: []string{"synthese-courte", "points-cles", "decisions-actions"}[i]}
	}
	run, variants, err := env.st.CreateRun(ctx, model.Run{ReportID: report.ID, RevisionID: rev.ID, Specs: specs})
	if err != nil {
		tb.Fatal(err)
	}
	for i := range variants {
		variants[i].Text, variants[i].Status = texts[i], model.StatusDone
		if err := env.st.SaveVariant(ctx, variants[i]); err != nil {
			tb.Fatal(err)
		}
	}
	env.u.show(screenCompare)
	c := env.u.cmp
	c.showRun(rev, run, variants)
	env.q.pumpWithin(tb, 5*60e9, "analysis", func() bool { return c.analysis != nil })
	env.win.Canvas().Capture()
	return env, c
}

// textsDrawn counts the pieces of text under o that a frame draws, in view or not.
func textsDrawn(o fyne.CanvasObject) int {
	n := 0
	switch w := o.(type) {
	case *canvas.Text:
		if w.Visible() {
			n++
		}
	case fyne.Widget:
		if w.Visible() {
			for _, c := range test.WidgetRenderer(w).Objects() {
				n += textsDrawn(c)
			}
		}
	case *fyne.Container:
		if w.Visible() {
			for _, c := range w.Objects {
				n += textsDrawn(c)
			}
		}
	}
	return n
}

// reportTexts reports how many pieces of text a frame of the window draws.
func reportTexts(b *testing.B, env *testEnv) {
	b.ReportMetric(float64(textsDrawn(env.win.Canvas().Content())), "texts/frame")
}

// BenchmarkCompareLongShow lays out the comparison of a long report, as showing a run does
// once its analysis is there.
func BenchmarkCompareLongShow(b *testing.B) {
	env, c := longComparison(b)
	for b.Loop() {
		c.layoutColumns()
	}
	reportTexts(b, env)
}

// BenchmarkCompareLongRefresh redraws the variant columns with other marks, as a new analysis
// or the words-not-in-the-source check does.
func BenchmarkCompareLongRefresh(b *testing.B) {
	env, c := longComparison(b)
	for b.Loop() {
		c.diffCheck.SetChecked(!c.diffCheck.Checked)
	}
	reportTexts(b, env)
}

// BenchmarkCompareLongTabSwitch goes to the report's tab and back to the comparison.
func BenchmarkCompareLongTabSwitch(b *testing.B) {
	env, _ := longComparison(b)
	for b.Loop() {
		env.u.show(screenReport)
		env.u.show(screenCompare)
	}
}

// BenchmarkCompareLongSettings opens the settings over the comparison and closes them.
func BenchmarkCompareLongSettings(b *testing.B) {
	env, _ := longComparison(b)
	for b.Loop() {
		s := newSettings(env.u.settingsDeps())
		s.show()
		s.dlg.Hide()
	}
}

// BenchmarkCompareLongScroll scrolls the longest variant's column by a third of its height
// with the mouse wheel, back to the top at the end.
func BenchmarkCompareLongScroll(b *testing.B) {
	_, c := longComparison(b)
	col := c.cols[1]
	step := col.scroll.Size().Height / 3
	for b.Loop() {
		if col.scroll.Offset.Y+col.scroll.Size().Height >= col.scroll.Content.Size().Height-1 {
			col.scroll.ScrollToOffset(fyne.NewPos(0, 0))
		}
		col.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -step)})
	}
}

// BenchmarkCompareLongFrame draws a frame of the window showing the comparison, with the test
// driver's software painter: its cost grows with the pieces of text the frame holds.
func BenchmarkCompareLongFrame(b *testing.B) {
	env, _ := longComparison(b)
	for b.Loop() {
		env.win.Canvas().Capture()
	}
	reportTexts(b, env)
}
