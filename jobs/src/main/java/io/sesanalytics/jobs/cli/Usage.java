package io.sesanalytics.jobs.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.function.Supplier;

/** Builds a command's configs before anything runs, so that a bad option is a usage error, not a failure. */
final class Usage {
    private Usage() {
    }

    /** The value built, or a usage error carrying the validation's message (which names the option). */
    static <T> T check(CommandSpec spec, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
