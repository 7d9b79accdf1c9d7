package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// needTool skips the test when a poppler tool is not installed, and fails it when the CI
// environment variable is set: CI installs poppler-utils, so there a missing tool is a fault.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not in PATH, and CI is set (make test installs poppler-utils)", name)
		}
		t.Skipf("%s not in PATH", name)
	}
}

// render writes c as a PDF and returns the file's path.
func render(t *testing.T, c Comparison) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteComparisonPDF(&buf, c); err != nil {
		t.Fatalf("WriteComparisonPDF: %v", err)
	}
	path := filepath.Join(t.TempDir(), "comparison.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfInfo runs pdfinfo on path and returns its fields.
func pdfInfo(t *testing.T, path string) map[string]string {
	t.Helper()
	needTool(t, "pdfinfo")
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo rejects the PDF: %v\n%s", err, out)
	}
	info := map[string]string{}
	for line := range strings.SplitSeq(string(out), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// pageCount returns the number of pages pdfinfo reports.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	n, err := strconv.Atoi(pdfInfo(t, path)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo pages: %v", err)
	}
	return n
}

// pdfText runs pdftotext with args on path and returns the text.
func pdfText(t *testing.T, path string, args ...string) string {
	t.Helper()
	needTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", append(append(args, "-enc", "UTF-8"), path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

var spaces = regexp.MustCompile(`[\s\x{00A0}\x{202F}\x{2009}]+`)

// normalise collapses every run of spaces, no-break spaces and newlines into one space.
func normalise(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// mmToPt converts millimetres to PDF points (pdftotext's unit at its default resolution).
func mmToPt(mm float64) float64 { return mm * 72 / 25.4 }

// columnText extracts the text of column i of n on page (from 1) of the PDF at path.
func columnText(t *testing.T, path string, page, i, n int) string {
	t.Helper()
	w := min((contentW-float64(n-1)*gutter)/float64(n), maxColumnW)
	x := marginX + float64(i)*(w+gutter)
	crop := func(v float64) string { return strconv.Itoa(int(v)) }
	return pdfText(t, path, "-f", strconv.Itoa(page), "-l", strconv.Itoa(page),
		"-x", crop(mmToPt(x-1)), "-y", crop(mmToPt(colHeadRule+1)),
		"-W", crop(mmToPt(w+2)), "-H", crop(mmToPt(gridBottom-colHeadRule+2)))
}
