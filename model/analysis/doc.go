// Package analysis holds pure functions over report text; it does no I/O and knows nothing
// of storage, engines or widgets. From a source and its variants it measures:
//
//   - words, sentences and syllables; length, reading time (ReadingTime) and readability
//     (Kandel–Moles in French, Flesch in English, LIX for both) in Measure; plain-language
//     indicators (PlainLanguage);
//   - facts (numbers, amounts, percentages, dates, times, names, e-mails, URLs, phones) kept,
//     lost or introduced by a variant (Facts, CompareFacts), the lost ones listed once and
//     ranked by what matters in a report: decisions first, then money, dates, numbers,
//     people (facts_rank.go);
//   - sentence support: how well the source backs each sentence of a variant, with the
//     passages that back it (VariantAnalysis.Sentences, support*.go);
//   - absent words: the runs of a variant's words the source does not contain in that
//     context, which the comparison view and the PDF highlight (absent*.go);
//   - a word diff (WordDiff); personal data — e-mails, phone numbers, names of private
//     persons, by heuristics (PersonalData); energy, measured or estimated (EnergyFor).
//
// AnalyzeSource measures a source once; AnalyzeVariant measures a variant against it;
// AnalyzeRun does both for a whole run.
package analysis
