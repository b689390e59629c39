package dev.compatmatrix.ingest.api;

import dev.compatmatrix.ingest.ResultBatch;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a body the batch reader refused, in the client's terms: where (a JSON pointer, "" for the whole
 * body) and what was expected there — never a Java type or a parser setting.
 */
record BodyProblem(String title, String pointer, String detail) {

    private static final String DUPLICATE = "Duplicate Object property \"";
    /** Where Jackson's own message turns to its settings or source excerpts. */
    private static final List<String> LIBRARY_DETAILS =
            List.of(": enable", "; enable", " (not recognized", " (start marker", "`", " (for ", "\n");

    static BodyProblem of(JacksonException e) {
        return switch (e) {
            case UnrecognizedPropertyException unknown -> {
                String pointer = pointer(unknown);
                yield shape(
                        pointer,
                        "unknown field '" + unknown.getPropertyName() + "'; the fields here are "
                                + names(unknown.getKnownPropertyIds()));
            }
            case MismatchedInputException mismatch
            when mismatch.getCurrentToken() == null
                    && mismatch.getPath().isEmpty()
                    && mismatch.getTargetType() == ResultBatch.class
                    && e.getOriginalMessage() != null
                    && e.getOriginalMessage().contains("end-of-input") ->
                new BodyProblem(
                        "Malformed JSON",
                        "",
                        "The body is empty: send a results batch, " + "a JSON object with batch_id and results");
            case MismatchedInputException mismatch -> {
                String pointer = pointer(mismatch);
                yield shape(
                        pointer,
                        "expected " + expected(mismatch.getTargetType()) + ", got " + got(mismatch.getCurrentToken()));
            }
            case StreamReadException read
            when read.getOriginalMessage() != null && read.getOriginalMessage().startsWith(DUPLICATE) -> {
                String name =
                        read.getOriginalMessage().substring(DUPLICATE.length()).replaceFirst("\"$", "");
                String pointer = parentPointer(read) + "/" + escape(name);
                yield new BodyProblem(
                        "Malformed JSON",
                        pointer,
                        pointer + ": the field '" + name + "' is given more than once; give each field once" + at(e));
            }
            case UnexpectedEndOfInputException end ->
                new BodyProblem(
                        "Malformed JSON",
                        null,
                        "The JSON ends too early: "
                                + (String.valueOf(end.getOriginalMessage()).contains("Array")
                                        ? "a list is not closed with ']'"
                                        : String.valueOf(end.getOriginalMessage())
                                                        .contains("Object")
                                                ? "an object is not closed with '}'"
                                                : "it is cut off")
                                + at(e));
            default ->
                new BodyProblem(
                        "Malformed JSON", null, "The body is not valid JSON: " + plain(e.getOriginalMessage()) + at(e));
        };
    }

    private static BodyProblem shape(String pointer, String what) {
        return new BodyProblem(
                "Invalid results batch", pointer, (pointer.isEmpty() ? "The body" : pointer) + ": " + what);
    }

    /** The JSON pointer of the value a databind error is about, e.g. {@code /results/0/tests_passed}. */
    private static String pointer(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "/" + escape(reference.getPropertyName())
                        : "/" + reference.getIndex())
                .collect(Collectors.joining());
    }

    /** The pointer of the object whose key the parser was reading, e.g. {@code /results/0}. */
    private static String parentPointer(StreamReadException e) {
        if (e.processor() instanceof JsonParser parser && parser.streamReadContext() != null) {
            TokenStreamContext parent = parser.streamReadContext().getParent();
            return parent == null ? "" : String.valueOf(parent.pathAsPointer());
        }
        return "";
    }

    private static String escape(String name) {
        return JsonPointer.compile("/" + name.replace("~", "~0").replace("/", "~1"))
                .toString()
                .substring(1);
    }

    private static String names(Collection<Object> names) {
        return names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static final Map<String, String> EXPECTED = Map.of(
            "Integer",
            "a whole number (no decimals)",
            "int",
            "a whole number (no decimals)",
            "Double",
            "a number",
            "double",
            "a number",
            "String",
            "text",
            "Boolean",
            "true or false",
            "boolean",
            "true or false");

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [ … ]";
        }
        return EXPECTED.getOrDefault(type.getSimpleName(), "an object { … }");
    }

    private static String got(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with decimals";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    /** Jackson's description of a syntax error, without its settings and source excerpts. */
    private static String plain(String message) {
        String text = message == null ? "unreadable" : message;
        for (String cut : LIBRARY_DETAILS) {
            int at = text.indexOf(cut);
            if (at > 0) {
                text = text.substring(0, at);
            }
        }
        return text.replace("Non-standard token", "not a JSON value:").replace("token", "value");
    }

    private static String at(JacksonException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }
}
