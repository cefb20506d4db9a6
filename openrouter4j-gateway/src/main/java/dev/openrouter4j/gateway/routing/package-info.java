/**
 * Routing: from a request's {@code model}, {@code models} and {@code provider} object to the ordered
 * endpoints to try (ROUTING.md a1–a5, a7). Pure logic, no I/O.
 *
 * <p>{@link dev.openrouter4j.gateway.routing.RoutePlanner#plan} runs these steps:
 *
 * <ol>
 *   <li>models: {@code model} then {@code models}, deduplicated; {@code :nitro}/{@code :floor}
 *       stripped into a sort; each resolved to the config entry with that exact id, else the first
 *       pattern matching it (no entry: 400);
 *   <li>hard filters ({@link dev.openrouter4j.gateway.routing.EndpointFilter}), recording {@code
 *       excluded_by} reasons; then the soft {@code tools}/{@code response_format}/{@code verbosity}
 *       preference ({@link dev.openrouter4j.gateway.routing.FeaturePreference});
 *   <li>ranking per model (or across models with {@code partition: none}): {@code order} pins the
 *       listed providers; {@code sort} orders deterministically ({@link
 *       dev.openrouter4j.gateway.routing.EndpointSort}); otherwise 1/price² weighted load balancing
 *       with recent outages last ({@link dev.openrouter4j.gateway.routing.LoadBalancer});
 *   <li>{@code preferred_*} thresholds demote, across the whole plan ({@link
 *       dev.openrouter4j.gateway.routing.PerformanceThresholds});
 *   <li>the sticky endpoint of each model moves to the front of that model's endpoints;
 *   <li>{@code allow_fallbacks: false} keeps the listed providers, or each model's first endpoint;
 *   <li>nothing left: 404 with {@code excluded_by}.
 * </ol>
 *
 * <p>Decisions where OpenRouter's documentation leaves room:
 *
 * <ul>
 *   <li>An explicit {@code sort} wins over a suffix's; a suffix sorts only its own model. {@code
 *       exacto} is not implemented and means load balancing. Service tiers ({@code /priority},
 *       {@code /flex}) are not modelled, so the suffixes only sort.
 *   <li>{@code allow_fallbacks: false} without {@code order} keeps one endpoint per model, so
 *       {@code models} still falls back; with {@code order}, the unlisted endpoints are reported as
 *       {@code allowed_providers} exclusions.
 *   <li>After the {@code order}-listed providers, the rest follow by {@code sort} if given, else by
 *       load balancing.
 *   <li>Load balancing weighs free endpoints as $0.001 per million tokens; endpoints in an outage are
 *       weighted among themselves the same way. {@code sort} ignores outages (the caller's fallback
 *       handles them) and puts unmeasured endpoints after measured ones for throughput and latency.
 *   <li>Thresholds demote only on evidence: an endpoint without samples keeps its place. They also
 *       reorder {@code order}-listed providers, being the request's own preference too.
 *   <li>Stickiness overrides the soft preferences but not hard filters or an outage; it is keyed by
 *       (sticky key, model id without suffix), and the caller scopes the key to the account.
 *   <li>Any unknown id in {@code models} is a 400, like an unknown {@code model}. Empty {@code
 *       only}/{@code ignore}/{@code quantizations} lists restrict nothing; nulls in them are skipped.
 *   <li>{@code max_price} checks prompt, completion and request prices; image and audio are never
 *       priced separately here. {@code enforce_distillable_text} is ignored: the config has no such
 *       attribute.
 * </ul>
 */
package dev.openrouter4j.gateway.routing;
