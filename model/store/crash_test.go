package store

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapporteur/rapporteur/model"
)

// crashEnv names the workspace a child process writes to until it is killed.
const crashEnv = "RAPPORTEUR_CRASH_CHILD"

// crashRounds is how many times TestCrashRecovery kills a writer.
const crashRounds = 25

// crashFiller makes each write a few kilobytes, so that the WAL fills and checkpoints run
// while the writer may be killed.
var crashFiller = strings.Repeat("Mme Laurent rappelle que 45,5 % des 1 250 habitant.es ont répondu. ", 80)

func crashBody(n int) string { return fmt.Sprintf("compteur=%09d\n\n%s%d", n, crashFiller, n) }
func crashText(n int) string { return fmt.Sprintf("variante=%09d\n\n%s%d", n, crashFiller, n) }
func crashCounter(s, key string) (int, error) {
	line, _, _ := strings.Cut(s, "\n")
	v, ok := strings.CutPrefix(line, key+"=")
	if !ok {
		return 0, fmt.Errorf("no %s in %.40q", key, s)
	}
	return strconv.Atoi(v)
}

// TestCrashChild is the writer TestCrashRecovery starts and kills; it does nothing on its own.
// It continues the counter found in report 1, and prints each counter once its write returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("the writer killed by TestCrashRecovery")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r, err := s.Report(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	variants, err := s.Variants(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	n, err := crashCounter(r.Body, "compteur")
	if err != nil {
		t.Fatal(err)
	}
	v := variants[0]
	v.Status = model.StatusRunning
	deadline := time.Now().Add(10 * time.Second) // never outlive a parent that died
	for time.Now().Before(deadline) {
		n++
		r.Body = crashBody(n)
		if r, err = s.SaveReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("crash: R %d\n", n)
		v.Text = crashText(n)
		v.Stats.OutputTokens = n
		if err := s.SaveVariant(ctx, v); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("crash: V %d\n", n)
		if n%7 == 0 {
			if _, err := s.Snapshot(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestCrashRecovery kills a writing process at random moments and checks, each time, that
// the workspace opens, passes SQLite's integrity check and holds every write the writer saw
// return.
func TestCrashRecovery(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	prepareCrashWorkspace(t, path)
	rng := rand.New(rand.NewPCG(2025, 3)) // fixed seed: the same kill delays every run
	committed := map[string]int{"R": 0, "V": 0}
	for round := range crashRounds {
		waitFirst := round%5 != 0 // one round in five kills during start-up or the first writes
		delay := time.Duration(rng.IntN(150)) * time.Millisecond
		lines := killWriter(t, path, waitFirst, delay)
		for _, line := range lines {
			var kind string
			var n int
			if _, err := fmt.Sscanf(line, "crash: %s %d", &kind, &n); err == nil {
				committed[kind] = max(committed[kind], n)
			}
		}
		checkCrashWorkspace(t, round, path, committed)
	}
	t.Logf("%d rounds, last committed write %d", crashRounds, committed["R"])
	if committed["R"] == 0 {
		t.Fatal("the writer never committed anything")
	}
}

func prepareCrashWorkspace(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := sampleReport("Atelier interrompu")
	r.Body = crashBody(0)
	if r, err = s.CreateReport(ctx, r); err != nil || r.ID != 1 {
		t.Fatalf("report %d: %v", r.ID, err)
	}
	rev, err := s.Snapshot(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if run, _, err := s.CreateRun(ctx, model.Run{RevisionID: rev.ID, Specs: builtinSpecs(1)}); err != nil || run.ID != 1 {
		t.Fatalf("run %d: %v", run.ID, err)
	}
}

// killWriter starts the writer, kills it after delay (counted from its first committed
// write when waitFirst) and returns the lines it printed.
func killWriter(t *testing.T, path string, waitFirst bool, delay time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	first := make(chan struct{})
	collected := make(chan []string)
	go func() {
		var lines []string
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if lines = append(lines, sc.Text()); len(lines) == 1 {
				close(first)
			}
		}
		if len(lines) == 0 {
			close(first)
		}
		io.Copy(io.Discard, stdout) //nolint:errcheck // drain after a scanner error
		collected <- lines
	}()
	if waitFirst {
		<-first
	}
	time.Sleep(delay)
	killErr := cmd.Process.Kill() // fails only if the writer already ended: reported below
	lines := <-collected
	err = cmd.Wait()
	out := strings.Join(lines, "\n")
	if killErr != nil || cmd.ProcessState.Success() || strings.Contains(out, "FAIL") {
		t.Fatalf("writer did not die by the kill (%v, %v):\n%s\n%s", killErr, err, out, stderr.String())
	}
	return lines
}

func checkCrashWorkspace(t *testing.T, round int, path string, committed map[string]int) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("round %d: reopen: %v", round, err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, check, err)
	}
	r, err := s.Report(ctx, 1)
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	variants, err := s.Variants(ctx, 1)
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	for _, got := range []struct{ kind, key, text string }{
		{"R", "compteur", r.Body}, {"V", "variante", variants[0].Text},
	} {
		if got.text == "" && committed[got.kind] == 0 {
			continue // the variant was never written yet
		}
		n, err := crashCounter(got.text, got.key)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		// Every printed write is there; at most one more committed before its print.
		if n < committed[got.kind] || n > committed[got.kind]+1 {
			t.Fatalf("round %d: %s counter %d, last committed %d", round, got.kind, n, committed[got.kind])
		}
		committed[got.kind] = n
	}
}
