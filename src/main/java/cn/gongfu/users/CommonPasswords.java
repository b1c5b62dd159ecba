package cn.gongfu.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bundled list of common passwords ({@code security/common-passwords.txt}; where it comes from is written at its
 * top and in docs/security.md). Compared without regard to case: "Password123" is as guessable as "password123".
 */
final class CommonPasswords {

    private static final Set<String> LIST = load();

    private CommonPasswords() {}

    static boolean contains(String password) {
        return LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        var stream = CommonPasswords.class.getResourceAsStream("/security/common-passwords.txt");
        if (stream == null) throw new IllegalStateException("security/common-passwords.txt is missing from the build");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
