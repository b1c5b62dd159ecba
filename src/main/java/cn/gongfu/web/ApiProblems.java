package cn.gongfu.web;



import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.ProblemException;
import cn.gongfu.kernel.UploadTooLargeException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem details; a bad parameter is named in {@code field}.
 * Spring's own request errors (wrong method, unreadable body…) keep its standard problem details.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final String TYPES = "https://gongfu.example/problems/";

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Every feature's refusal: its status, type and properties, with the title in the caller's language. */
    @ExceptionHandler(ProblemException.class)
    ProblemDetail refused(ProblemException e) {
        if (e instanceof InvalidInputException input) return invalidFields(input.errors());
        ProblemDetail p = problem(e.status(), e.type(), e.getMessage());
        e.properties().forEach(p::setProperty);
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return problemResponse(badParameter(field, field + ": '" + PageErrors.shorten(String.valueOf(e.getValue())) + "' is not " + expected));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problemResponse(badParameter(e.getParameterName(), e.getParameterName() + ": required"));
    }

    /**
     * A body Jackson could not read: the field from Jackson's path ({@code ids[2]}, {@code percentDone}), else from
     * where the parser stopped, else "body"; the message says what was expected without echoing what was sent
     * beyond a few dozen characters. A value of the wrong type is refused, not converted: {@code "percentDone": 50.5} is not cut to 50, because
     * {@code ACCEPT_FLOAT_AS_INT} is off in application.yml.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = JsonBodyError.field(e);
        return problemResponse(badParameter(field, field + ": " + JsonBodyError.message(e)));
    }

    /** A {@code @Valid} body: every broken rule, each naming its field; {@code field} is the first. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return problemResponse(invalidFields(FieldErrors.of(e.getBindingResult())));
    }

    /** Constraints on parameters ({@code @Size} on a {@code @RequestParam}, {@code @Valid} on a record…). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problemResponse(invalidFields(FieldErrors.of(e)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return problemResponse(badParameter(e.getRequestPartName(), e.getRequestPartName() + ": required"));
    }

    /** Bigger than the container takes at all (see application.yml): the same 413 as the application's own limits. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return problemResponse(refused(new UploadTooLargeException(-1, e.getMaxUploadSize())));
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    private ProblemDetail invalidFields(List<FieldErrors.Error> unordered) {
        List<FieldErrors.Error> errors = unordered.stream().sorted(Comparator.comparing(FieldErrors.Error::field)).toList();
        ProblemDetail p = badParameter(errors.get(0).field(), errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        p.setProperty("errors", errors);
        return p;
    }

    private ProblemDetail badParameter(String field, String detail) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "bad-parameter", detail);
        p.setProperty("field", field);
        return p;
    }

    private ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPES + type));
        p.setTitle(messages.getMessage("problem." + type, null, type, LocaleContextHolder.getLocale()));
        return p;
    }

    static String describe(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == BigDecimal.class) return "a number";
        return "a valid " + type.getSimpleName();
    }
}
