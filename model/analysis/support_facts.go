package analysis

import (
	"strconv"
	"strings"
)

// Facts in sentence support. A source sentence provides keys for each of its facts (« 45 % »
// provides p:45%, and n:45 because a bare « 45 » of a variant is backed by it, as in
// CompareFacts); a variant's fact is covered by a source sentence that provides any of the keys
// it looks for. Names are not keys: their words are content words, so « Mme Laurent » is backed
// by a sentence naming « Claire Laurent » through « laurent »; whether the source names them at
// all is asked of the source's fact index, as CompareFacts does.

// providedKeys appends to dst the keys a source fact provides.
func providedKeys(dst []string, f Fact) []string {
	n := f.Norm
	switch f.Kind {
	case FactNumber:
		return append(dst, "n:"+n)
	case FactPercent:
		return append(dst, "p:"+n, "n:"+strings.TrimSuffix(n, "%"))
	case FactMoney:
		amount, _, _ := strings.Cut(n, " ")
		return append(dst, "m:"+n, "n:"+amount)
	case FactDate:
		return providedDateKeys(dst, n)
	case FactTime:
		dst = append(dst, "t:"+n)
		if h, ok := strings.CutSuffix(n, ":00"); ok {
			if v, err := strconv.Atoi(h); err == nil {
				dst = append(dst, "du:PT"+strconv.Itoa(v*60)+"M")
			}
		}
		return dst
	case FactDuration:
		dst = append(dst, "du:"+n)
		if t, ok := wholeHours(n); ok {
			dst = append(dst, "t:"+t)
		}
		return dst
	case FactName:
		return dst
	}
	return append(dst, string(f.Kind)+":"+n)
}

func providedDateKeys(dst []string, n string) []string {
	switch {
	case strings.HasPrefix(n, "--"):
		return append(dst, "md:"+n[2:], "mdny:"+n[2:])
	case len(n) == len("2025-06"):
		return append(dst, "ym:"+n, "n:"+n[:4])
	case len(n) == len("2025-06-17"):
		return append(dst, "d:"+n, "md:"+n[5:], "ym:"+n[:7], "n:"+n[:4])
	}
	return append(dst, "d:"+n)
}

// wantedKeys appends to dst the keys any one of which covers a variant's fact; none for names.
func wantedKeys(dst []string, f Fact) []string {
	n := f.Norm
	switch f.Kind {
	case FactNumber:
		return append(dst, "n:"+n)
	case FactPercent:
		return append(dst, "p:"+n)
	case FactMoney:
		return append(dst, "m:"+n)
	case FactTime:
		return append(dst, "t:"+n)
	case FactDuration:
		return append(dst, "du:"+n)
	case FactDate:
		switch {
		case strings.HasPrefix(n, "--"):
			return append(dst, "md:"+n[2:])
		case len(n) == len("2025-06"):
			return append(dst, "ym:"+n)
		case len(n) == len("2025-06-17"):
			return append(dst, "d:"+n, "mdny:"+n[5:])
		}
		return append(dst, "d:"+n)
	case FactName:
		return dst
	}
	return append(dst, string(f.Kind)+":"+n)
}

// wholeHours returns "HH:00" for a duration of whole hours within a day ("PT120M" → "02:00").
func wholeHours(norm string) (string, bool) {
	m, ok := strings.CutPrefix(norm, "PT")
	if !ok {
		return "", false
	}
	m, ok = strings.CutSuffix(m, "M")
	v, err := strconv.Atoi(m)
	if !ok || err != nil || v%60 != 0 || v > 24*60 {
		return "", false
	}
	var b strings.Builder
	pad2(&b, v/60)
	return b.String() + ":00", true
}
