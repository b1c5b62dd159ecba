package cn.gongfu.kernel;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/**
 * How an edit form's post ends, the same on every edit page: saved, a redirect; refused, the form again with each
 * error beside its field ({@code errors}: field → message) and 422; made on an older version, the page as it now is
 * with {@code conflict} set and 409. Never a 500 for what the user typed.
 */
public final class FormAttempt {

    private FormAttempt() {}

    public static String run(Runnable change, String success, Model model, HttpServletResponse response,
                             Supplier<String> refused, Supplier<String> stale) {
        try {
            change.run();
            return success;
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            model.addAttribute("errors", errors);
        } catch (InvalidParameterException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        } catch (StaleVersionException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return stale.get();
        }
        response.setStatus(422);
        return refused.get();
    }
}
