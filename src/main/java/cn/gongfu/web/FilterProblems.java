package cn.gongfu.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Problem details written by servlet filters (sign-in and tokens, the storable-text check, the firewall), which
 * answer before Spring MVC's own problem handling ({@link ApiProblems}) runs: the same shape, one writer.
 */
public final class FilterProblems {

    private static final String TYPES = "https://gongfu.example/problems/";

    private FilterProblems() {}

    public static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        write(response, status, type, title, detail, null);
    }

    /** With {@code field}, the parameter the problem is about, as {@code ApiProblems} names it. */
    public static void write(HttpServletResponse response, int status, String type, String title, String detail, String field)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + TYPES + type + "\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"" + (field == null ? "" : ",\"field\":\"" + json(field) + "\"") + "}");
    }

    /** A JSON string's content; markup characters escaped too, so the body is inert even if sniffed as HTML. */
    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || c == '<' || c == '>') out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
