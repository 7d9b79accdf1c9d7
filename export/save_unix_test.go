//go:build unix

package export

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// withUmask runs f with the process's umask set to mask; tests using it are not parallel.
func withUmask(t *testing.T, mask int, f func()) {
	t.Helper()
	old := syscall.Umask(mask)
	defer syscall.Umask(old)
	f()
}

// TestSaveFollowsUmask checks an export is created like os.Create creates a file: 0666
// less the user's umask, whatever the writer does with its temporary file.
func TestSaveFollowsUmask(t *testing.T) {
	for _, tt := range []struct {
		mask int
		want fs.FileMode
	}{{0o022, 0o644}, {0o002, 0o664}, {0o027, 0o640}, {0o077, 0o600}} {
		dir := t.TempDir()
		saves := map[string]func(string) error{
			"report.pdf": func(p string) error { return SaveReportPDF(p, englishReport(t)) },
			"report.md":  func(p string) error { return SaveReportMarkdown(p, englishReport(t)) },
			"data.json": func(p string) error {
				return SaveFile(p, func(w io.Writer) error { _, err := io.WriteString(w, "{}\n"); return err })
			},
		}
		for name, save := range saves {
			path := filepath.Join(dir, name)
			withUmask(t, tt.mask, func() {
				if err := save(path); err != nil {
					t.Fatal(err)
				}
			})
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != tt.want {
				t.Errorf("umask %03o: %s created %v, want %v", tt.mask, name, got, tt.want)
			}
		}
	}
}

// TestSaveKeepsTheModeOfTheFileItReplaces: like os.Create, writing over a file keeps its
// permissions (a report kept private stays private).
func TestSaveKeepsTheModeOfTheFileItReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "private.md")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	withUmask(t, 0o022, func() {
		if err := SaveReportMarkdown(path, englishReport(t)); err != nil {
			t.Fatal(err)
		}
	})
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the replaced file's 0600", fi.Mode().Perm())
	}
}

// TestSaveRefusesWhatIsNotAFile checks an export never replaces a pipe or a device: the
// rename that makes a save atomic would put a file in its place.
func TestSaveRefusesWhatIsNotAFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	err := SaveReportPDF(fifo, englishReport(t))
	var oe *OutputError
	if !errors.As(err, &oe) || oe.Problem != OutputNotRegular || oe.Path != fifo {
		t.Fatalf("err = %v, want OutputNotRegular", err)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", fi.Mode(), err)
	}
	if err := CheckOutput("/dev/null"); !errors.As(err, &oe) || oe.Problem != OutputNotRegular {
		t.Errorf("CheckOutput(/dev/null) = %v, want OutputNotRegular", err)
	}
}

// readOnlyDir returns a folder where this user cannot create a file: a folder without
// write permission, or, for root, whom permissions do not stop, a folder of sysfs.
func readOnlyDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	probe := filepath.Join(dir, "probe")
	f, err := os.Create(probe)
	if err != nil {
		return dir
	}
	f.Close()
	_ = os.Chmod(dir, 0o755)
	_ = os.Remove(probe)
	if fi, err := os.Stat("/sys/kernel"); err != nil || !fi.IsDir() {
		t.Fatal("found no folder this user cannot write to")
	}
	if f, err := os.Create("/sys/kernel/probe"); err == nil {
		f.Close()
		t.Fatal("found no folder this user cannot write to")
	}
	return "/sys/kernel"
}

// TestCheckOutput names each reason a path cannot be written, before anything is made.
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       OutputProblem
	}{
		{"new file", filepath.Join(dir, "new.pdf"), ""},
		{"existing file", file, ""},
		{"missing folder", filepath.Join(dir, "absent", "x.pdf"), OutputNoFolder},
		{"folder is a file", filepath.Join(file, "x.pdf"), OutputNotFolder},
		{"path is a folder", dir, OutputIsFolder},
		{"path ends with a slash", filepath.Join(dir, "absent") + "/", OutputIsFolder},
		{"read-only folder", filepath.Join(readOnlyDir(t), "x.pdf"), OutputNotWritable},
		{"empty", "", OutputNoName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckOutput(tt.path)
			var oe *OutputError
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("err = %v", err)
			case tt.want != "" && (!errors.As(err, &oe) || oe.Problem != tt.want):
				t.Fatalf("err = %v, want %s", err, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("CheckOutput left files behind: %v", entries)
			}
		})
	}
}
