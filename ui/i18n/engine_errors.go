package i18n

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/rapporteur/rapporteur/model"
	"github.com/rapporteur/rapporteur/model/generate"
	"github.com/rapporteur/rapporteur/model/store"
)

// engineText explains a generation's failure, with Ollama's own words when they help the
// person who maintains it.
func engineText(err error) string {
	var ge *generate.Error
	if !errors.As(err, &ge) {
		if generate.CodeOf(err) == generate.CodeTimeout { // a bare deadline, however wrapped
			return guardText(generate.CodeTimeout)
		}
		return ""
	}
	text := generateText(ge.Code)
	if (ge.Code == generate.CodeServer || ge.Code == generate.CodePullFailed) && ge.Err != nil {
		text += " (" + ge.Err.Error() + ")"
	}
	return text
}

// VariantErrorText explains why a variant stopped, from its stored error code.
func VariantErrorText(v model.Variant) string {
	if v.ErrorCode == "" {
		return ""
	}
	if v.ErrorCode == string(generate.CodeContextTooLong) && v.Stats.ContextNeeded > 0 {
		return lang.L("a passage of the report needs {{.Need}} tokens with the instructions, more than this model's context of {{.Max}}, even read in parts: shorten that passage (a very long sentence or table?) or choose a model with a larger context.",
			map[string]any{"Need": Compact(v.Stats.ContextNeeded), "Max": Compact(v.Stats.ModelContext)})
	}
	if v.Spec.Engine == model.EngineOpenAI {
		if text := openaiText(generate.ErrorCode(v.ErrorCode)); text != "" {
			return text
		}
	}
	return generateText(generate.ErrorCode(v.ErrorCode))
}

// openaiText explains, in words that fit any OpenAI-compatible server, the codes the Ollama
// engine's texts explain with Ollama's name; "" for the others.
func openaiText(code generate.ErrorCode) string {
	switch code {
	case generate.CodeHostUnreachable:
		return lang.L("the server does not answer at this address: is it started? (Check the address in Settings.)")
	case generate.CodeBadHost:
		return lang.L("the server address in Settings is not valid.")
	case generate.CodeModelMissing:
		return lang.L("the server does not offer this model (check its name in the server's list).")
	case generate.CodeServer:
		return lang.L("the server reported an error.")
	case generate.CodeStreamCut:
		return lang.L("the connection with the server was cut before the end (the server stopped or the network dropped).")
	case generate.CodeStalled:
		return lang.L("the model stopped answering: retry; if it happens again, restart the server.")
	case generate.CodeBadOption:
		return lang.L("the server refused an option (check the model options).")
	}
	return ""
}

// generateText explains a generation error code.
func generateText(code generate.ErrorCode) string {
	if text := ollamaText(code); text != "" {
		return text
	}
	switch code {
	case generate.CodeCancelled:
		return lang.L("cancelled by you.")
	case generate.CodeUnsupportedPreset:
		return lang.L("the built-in engine cannot write this preset; it needs an AI model.")
	case generate.CodeEmptySource:
		return lang.L("the report is empty.")
	case generate.CodeNothingFound:
		return lang.L("no decision or next step was found in the text.")
	case generate.CodeEngineMissing:
		return lang.L("this engine is not available.")
	case generate.CodePresetMissing:
		return lang.L("this preset no longer exists.")
	case generate.CodeSaveFailed:
		return lang.L("the text could not be saved to the workspace (disk full?).")
	}
	return lang.L("an unexpected error stopped the generation.")
}

// ollamaText explains what can go wrong with an Ollama host or model, and what to do.
func ollamaText(code generate.ErrorCode) string {
	switch code {
	case generate.CodeHostUnreachable:
		return lang.L("Ollama does not answer at this address: is it started? (Check the address in Settings.)")
	case generate.CodeBadHost:
		return lang.L("the Ollama address in Settings is not valid.")
	case generate.CodeNotOllama:
		return lang.L("something answers at this address, but it is not Ollama (check the address and port).")
	case generate.CodeModelMissing:
		return lang.L("this model is not installed on the host; you can download it.")
	case generate.CodeOutOfMemory:
		return lang.L("not enough memory to run this model: close other programs or choose a smaller model.")
	case generate.CodeServer:
		return lang.L("Ollama reported an error.")
	case generate.CodeStreamCut:
		return lang.L("the connection with Ollama was cut before the end (Ollama stopped or the network dropped).")
	case generate.CodeStalled:
		return lang.L("the model stopped answering. This is a known Ollama problem after a cancelled request: restart Ollama, then retry; other models keep working.")
	case generate.CodeEmptyOutput:
		return lang.L("the model finished without writing anything; try again or choose another model.")
	case generate.CodeContextTooLong:
		return lang.L("the report is too long for this model, even read in parts; choose a model with a larger context.")
	case generate.CodeBadOption:
		return lang.L("Ollama refused an option (check the model options).")
	case generate.CodeThinkUnsupported:
		return lang.L("this model has no thinking mode.")
	case generate.CodePullFailed:
		return lang.L("the download failed (is the host connected to the internet? is the model name right?).")
	}
	return apiText(code)
}

// apiText explains the failures of the OpenAI-compatible servers that an Ollama host does not
// have, then guardText's.
func apiText(code generate.ErrorCode) string {
	switch code {
	case generate.CodeNotOpenAI:
		return lang.L("something answers at this address, but not an OpenAI-compatible API (check the address: it often ends in /v1).")
	case generate.CodeUnauthorized:
		return lang.L("the server refused the API key, or wants one: check the key set for this server in Settings.")
	case generate.CodeRateLimited:
		return lang.L("the server receives too many requests: retry in a moment.")
	}
	return guardText(code)
}

// guardText explains what Rapporteur refused of a host to protect the report.
func guardText(code generate.ErrorCode) string {
	switch code {
	case generate.CodeRemoteRefused:
		return lang.L("this model sends the report outside this computer and your network; nothing was sent. To use it anyway, tick it in the grid and allow it.")
	case generate.CodeOutputCap:
		return lang.L("cut: the answer was too long (more than the maximum set in Settings); the text is kept up to there.")
	case generate.CodeRedirected:
		return lang.L("the host redirects to another address: Rapporteur does not follow, so that the report goes nowhere else (check the address in Settings).")
	case generate.CodeTimeout:
		return lang.L("the host did not answer in time.")
	case generate.CodeAnswerTooLarge:
		return lang.L("the host sent an answer larger than Rapporteur reads (at most 16 MiB); it was refused.")
	case store.CodeUnfinished:
		return lang.L("this variant was still being written when the archive was made; it was stopped there.")
	}
	return ""
}
