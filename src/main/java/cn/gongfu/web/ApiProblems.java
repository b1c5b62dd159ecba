package cn.gongfu.web;

import cn.gongfu.importing.DuplicateDocumentException;
import cn.gongfu.importing.ImportStateException;
import cn.gongfu.ingest.DocumentException;
import cn.gongfu.plan.DraftException;
import cn.gongfu.reporting.ConflictException;
import cn.gongfu.reporting.ValidationException;
import cn.gongfu.reporting.FeedException;
import java.net.URI;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
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
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final String TYPES = "https://gongfu.example/problems/";

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = problem(HttpStatus.NOT_FOUND, "not-found", BundleText.englishFirst("problem.title.notFound"), e.getMessage());
        p.setProperty("resource", e.resource());
        p.setProperty("id", String.valueOf(e.id()));
        return p;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalid(InvalidParameterException e) {
        if (e instanceof InvalidInputException input) return invalidFields(input.errors());
        return badParameter(e.field(), e.getMessage());
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
        return problemResponse(tooLarge(new UploadTooLargeException(-1, e.getMaxUploadSize())));
    }

    @ExceptionHandler(DraftException.class)
    ProblemDetail draft(DraftException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-plan", BundleText.englishFirst("problem.title.invalidPlan"), e.getMessage());
        p.setProperty("problems", e.problems());
        return p;
    }

    @ExceptionHandler(DocumentException.class)
    ProblemDetail unreadableDocument(DocumentException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "unreadable-document", BundleText.englishFirst("problem.title.unreadableDocument"), e.getMessage());
        p.setProperty("field", "file");
        return p;
    }

    @ExceptionHandler(DuplicateDocumentException.class)
    ProblemDetail duplicate(DuplicateDocumentException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "duplicate-document", BundleText.englishFirst("problem.title.duplicate"), e.getMessage());
        if (e.planId() != null) p.setProperty("planId", e.planId());
        if (e.importId() != null) p.setProperty("importId", e.importId());
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "conflict", BundleText.englishFirst("problem.title.conflict"), e.getMessage());
        p.setProperty("current", e.current());
        return p;
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalidReport(ValidationException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-report", BundleText.englishFirst("problem.title.invalidReport"), e.getMessage());
        p.setProperty("errors", e.errors());
        return p;
    }

    @ExceptionHandler(FeedException.class)
    ProblemDetail invalidFeed(FeedException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-feed", BundleText.englishFirst("problem.title.invalidFeed"), e.getMessage());
        p.setProperty("errors", e.errors());
        p.setProperty("total", e.total());
        p.setProperty("shown", e.errors().size());
        return p;
    }

    @ExceptionHandler(ImportStateException.class)
    ProblemDetail importState(ImportStateException e) {
        return problem(HttpStatus.CONFLICT, "import-closed", BundleText.englishFirst("problem.title.importClosed"), e.getMessage());
    }

    @ExceptionHandler(UploadTooLargeException.class)
    static ProblemDetail tooLarge(UploadTooLargeException e) {
        ProblemDetail p = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", BundleText.englishFirst("problem.title.tooLarge"), e.getMessage());
        p.setProperty("field", "file");
        return p;
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    private static ProblemDetail invalidFields(List<FieldErrors.Error> unordered) {
        List<FieldErrors.Error> errors = unordered.stream().sorted(java.util.Comparator.comparing(FieldErrors.Error::field)).toList();
        ProblemDetail p = badParameter(errors.get(0).field(), errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(java.util.stream.Collectors.joining("; ")));
        p.setProperty("errors", errors);
        return p;
    }

    private static ProblemDetail badParameter(String field, String detail) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "bad-parameter", BundleText.englishFirst("problem.title.badParameter"), detail);
        p.setProperty("field", field);
        return p;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPES + type));
        p.setTitle(title);
        return p;
    }

    static String describe(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == java.math.BigDecimal.class) return "a number";
        return "a valid " + type.getSimpleName();
    }
}
