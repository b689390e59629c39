package dev.compatmatrix.watch.api;

import dev.compatmatrix.base.api.ApiDocs;
import dev.compatmatrix.base.api.ApiQuery;
import dev.compatmatrix.base.api.ApiRequestException;
import dev.compatmatrix.matrix.Platform;
import dev.compatmatrix.watch.WatchException;
import dev.compatmatrix.watch.WatchService;
import dev.compatmatrix.watch.WatchTarget;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/watches}: the calling token's own watches (scope {@code read} to list them, {@code watches:write}
 * to add and remove). What to watch is named by query parameters, as on the screens: {@code model} alone, a
 * {@code platform} alone, a {@code family} alone, or {@code model} and {@code platform} for one cell.
 */
@RestController
@RequestMapping(WatchApiController.PATH)
public class WatchApiController {

    static final String PATH = "/api/v1/watches";
    static final List<String> TARGET = List.of("model", "platform", "family");

    private final WatchService watches;

    public WatchApiController(WatchService watches) {
        this.watches = watches;
    }

    @Operation(summary = "The token's watches, newest first")
    @ApiResponse(
            responseCode = "200",
            description = "The watches",
            content = @Content(schema = @Schema(implementation = ApiWatch.Watches.class)))
    @GetMapping
    public ApiWatch.Watches list(HttpServletRequest request) {
        ApiQuery.of(request, List.of()).refuseIfAnyProblem();
        List<ApiWatch> items = watches.myWatches().stream().map(ApiWatch::of).toList();
        return new ApiWatch.Watches(items.size(), items);
    }

    @Operation(
            summary =
                    "Watch a model, a platform, a family or one cell (model and platform); watching it again keeps the one watch")
    @ApiResponse(
            responseCode = "201",
            description = "Now watched",
            content = @Content(schema = @Schema(implementation = ApiWatch.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Watched already; nothing changed",
            content = @Content(schema = @Schema(implementation = ApiWatch.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The token watches " + WatchService.MAX_WATCHES + " things already",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @PostMapping
    public ResponseEntity<ApiWatch> watch(HttpServletRequest request) {
        ApiQuery query = ApiQuery.of(request, TARGET);
        WatchTarget target = target(query);
        WatchService.Watched watched = refusingBadInput(query, () -> watches.watch(target));
        return ResponseEntity.status(watched.added() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiWatch.of(watched.watch()));
    }

    @Operation(summary = "Stop a watch, named as when it was made (model, platform, family) or by its id")
    @ApiResponse(responseCode = "204", description = "No longer watched")
    @ApiResponse(
            responseCode = "404",
            description = "The token does not watch this",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @DeleteMapping
    public ResponseEntity<Void> unwatch(HttpServletRequest request) {
        List<String> accepted = new ArrayList<>(TARGET);
        accepted.add("id");
        ApiQuery query = ApiQuery.of(request, accepted);
        String id = first(query.parameters(), "id");
        if (id != null) {
            if (query.parameters().keySet().stream().anyMatch(TARGET::contains)) {
                query.addProblems(List.of("id (either an id or model, platform, family; not both)"));
            }
            long watchId = parseId(id, query);
            query.refuseIfAnyProblem();
            try {
                watches.unwatchById(watchId);
            } catch (WatchException notYours) {
                throw ApiRequestException.notFound(notYours.getMessage());
            }
            return ResponseEntity.noContent().build();
        }
        WatchTarget target = target(query);
        if (!refusingBadInput(query, () -> watches.unwatch(target))) {
            throw ApiRequestException.notFound("This token does not watch " + target.label() + ".");
        }
        return ResponseEntity.noContent().build();
    }

    /** The target the parameters name; every unusable parameter is refused at once (400). */
    private static WatchTarget target(ApiQuery query) {
        Map<String, List<String>> parameters = query.parameters();
        String model = first(parameters, "model");
        String platformKey = first(parameters, "platform");
        String family = first(parameters, "family");
        List<String> problems = new ArrayList<>();
        Platform platform = null;
        if (platformKey != null) {
            platform = Platform.fromKey(platformKey.strip()).orElse(null);
            if (platform == null) {
                problems.add("platform=" + platformKey + " (one of "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(Platform.values())
                                        .map(Platform::key)
                                        .toList())
                        + ")");
            }
        }
        if (family != null && (model != null || platformKey != null)) {
            problems.add("family (a family is watched alone, without model or platform)");
        }
        if (model == null && platformKey == null && family == null) {
            problems.add("model, platform or family (name what to watch: a model, a platform, a family, "
                    + "or a model and a platform for one cell)");
        }
        query.addProblems(problems);
        query.refuseIfAnyProblem();
        if (model != null && platform != null) {
            return WatchTarget.cell(model.strip(), platform);
        }
        if (model != null) {
            return WatchTarget.model(model.strip());
        }
        return platform != null ? WatchTarget.platform(platform) : WatchTarget.family(family.strip());
    }

    /** Runs the change; a refusal naming a parameter is a 400 naming it, the limit a 409. */
    private static <T> T refusingBadInput(ApiQuery query, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (WatchException refused) {
            if (refused.parameter().equals("watches")) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
                problem.setTitle("Too many watches");
                throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
            }
            String value = first(query.parameters(), refused.parameter());
            query.addProblems(List.of(refused.parameter() + "=" + value + " (" + refused.getMessage() + ")"));
            query.refuseIfAnyProblem();
            throw refused;
        }
    }

    private static long parseId(String id, ApiQuery query) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            query.addProblems(List.of("id=" + id + " (a watch's id, a whole number)"));
            return 0;
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
