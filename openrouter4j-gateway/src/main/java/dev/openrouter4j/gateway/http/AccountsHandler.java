package dev.openrouter4j.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.openrouter4j.api.DataEnvelope;
import dev.openrouter4j.api.Json;
import dev.openrouter4j.api.account.ActivityItem;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.account.Credits;
import dev.openrouter4j.api.account.DeleteKeyResponse;
import dev.openrouter4j.api.account.Generation;
import dev.openrouter4j.api.account.KeyInfo;
import dev.openrouter4j.api.account.UpdateKeyRequest;
import dev.openrouter4j.gateway.account.AccountServices;
import dev.openrouter4j.gateway.account.ActivityRow;
import dev.openrouter4j.gateway.account.ApiKey;
import dev.openrouter4j.gateway.account.GenerationRecord;
import dev.openrouter4j.gateway.account.KeyPatch;
import dev.openrouter4j.gateway.account.KeySpec;
import dev.openrouter4j.gateway.account.LimitReset;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The account endpoints, in OpenRouter's shapes (the SDK's {@code dev.openrouter4j.api.account}
 * records). With the management key: {@code POST /keys}, {@code GET /keys}, {@code GET, PATCH,
 * DELETE /keys/{hash}}. With any key: {@code GET /key}, {@code GET /credits}; with the key that made
 * them: {@code GET /generation?id=}, {@code GET /activity}. Every store call runs on a worker
 * thread; no route shows or changes another key's data.
 */
public final class AccountsHandler {
  static final int PAGE = 100;
  private static final int ACTIVITY_DAYS = 30;

  private final Vertx vertx;
  private final AccountServices accounts;
  private final KeyAuthenticator auth;
  private final long maxBodyBytes;

  public AccountsHandler(Vertx vertx, AccountServices accounts, KeyAuthenticator auth, long maxBodyBytes) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.auth = auth;
    this.maxBodyBytes = maxBodyBytes;
  }

  // ---- management key ----

  public void createKey(HttpServerRequest req) {
    management(req, body -> {
      CreateKeyRequest r = read(body, CreateKeyRequest.class);
      if (r.name() == null || r.name().isBlank()) throw ApiError.invalidField("name", "is required");
      KeySpec spec;
      try {
        spec = new KeySpec(r.name(), r.limit(), reset(r.limitReset()), rpm(r.extraBody()));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest(e.getMessage());
      }
      return blocking(() -> accounts.keys().create(spec)).map(created -> {
        auth.keyCreated();
        return new Reply(201, new CreateKeyResponse(apiKey(created.record()), created.key(), null));
      });
    });
  }

  public void listKeys(HttpServerRequest req) {
    management(req, body -> {
      int offset = intParam(req, "offset", 0);
      boolean includeDisabled = "true".equalsIgnoreCase(req.getParam("include_disabled"));
      return blocking(() -> accounts.keys().list(includeDisabled, offset, PAGE))
          .map(keys -> new Reply(200, DataEnvelope.of(keys.stream().map(AccountsHandler::apiKey).toList())));
    });
  }

  public void getKey(HttpServerRequest req) {
    management(req, body -> {
      String hash = hashParam(req);
      return blocking(() -> accounts.keys().get(hash)).map(k -> new Reply(200, DataEnvelope.of(apiKey(k.orElseThrow(AccountsHandler::noKey)))));
    });
  }

  public void updateKey(HttpServerRequest req) {
    management(req, body -> {
      String hash = hashParam(req);
      UpdateKeyRequest r = read(body, UpdateKeyRequest.class);
      KeyPatch patch;
      try {
        KeyPatch.Builder b = KeyPatch.builder();
        if (r.name() != null) b.name(r.name());
        if (r.disabled() != null) b.disabled(r.disabled());
        if (r.limit() != null || r.removesLimit()) b.limit(r.limit());
        if (r.limitReset() != null || r.removesLimitReset()) b.limitReset(reset(r.limitReset()));
        if (r.extraBody() != null && r.extraBody().containsKey("rate_limit_rpm")) b.rateLimitRpm(rpm(r.extraBody()));
        patch = b.build();
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest(e.getMessage());
      }
      return blocking(() -> accounts.keys().update(hash, patch)).map(k -> {
        auth.invalidate(hash);
        return new Reply(200, DataEnvelope.of(apiKey(k.orElseThrow(AccountsHandler::noKey))));
      });
    });
  }

  public void deleteKey(HttpServerRequest req) {
    management(req, body -> {
      String hash = hashParam(req);
      return blocking(() -> accounts.keys().delete(hash)).map(deleted -> {
        auth.invalidate(hash);
        if (!deleted) throw noKey();
        return new Reply(200, new DeleteKeyResponse(true, null));
      });
    });
  }

  // ---- any key ----

  /** {@code GET /key}: the calling key's limits and usage. */
  public void currentKey(HttpServerRequest req) {
    anyKey(req, caller -> {
      if (caller.isManagement()) return Future.succeededFuture(new Reply(200, DataEnvelope.of(keyInfo(null, true))));
      if (caller.key() == null) return Future.succeededFuture(new Reply(200, DataEnvelope.of(keyInfo(null, false))));
      // the authenticated record may be a few seconds old: usage is read fresh
      return blocking(() -> accounts.keys().get(caller.keyHash()))
          .map(k -> new Reply(200, DataEnvelope.of(keyInfo(k.orElseThrow(() -> KeyAuthenticator.unauthorized("User not found.")), false))));
    });
  }

  /**
   * {@code GET /credits}: for an API key its limit ({@code total_credits}; absent for a key without
   * one) and the usage that counts against it; for the management key the sum over all keys.
   */
  public void credits(HttpServerRequest req) {
    anyKey(req, caller -> {
      if (caller.key() == null && !caller.isManagement()) return Future.succeededFuture(new Reply(200, DataEnvelope.of(new Credits(null, 0.0, null))));
      if (caller.isManagement()) {
        return blocking(() -> {
          double credits = 0;
          double usage = 0;
          for (int offset = 0; ; offset += 1000) {
            List<ApiKey> page = accounts.keys().list(true, offset, 1000);
            for (ApiKey k : page) {
              usage += k.usage();
              if (k.limit() != null) credits += k.limit();
            }
            if (page.size() < 1000) break;
          }
          return new Reply(200, DataEnvelope.of(Credits.of(credits, usage)));
        });
      }
      return blocking(() -> accounts.ledger().credits(caller.keyHash()))
          .map(c -> {
            var found = c.orElseThrow(() -> KeyAuthenticator.unauthorized("User not found."));
            return new Reply(200, DataEnvelope.of(new Credits(found.totalCredits(), found.totalUsage(), null)));
          });
    });
  }

  /** {@code GET /generation?id=}: only the key that made it sees it; for any other key it does not exist. */
  public void generation(HttpServerRequest req) {
    anyKey(req, caller -> {
      if (caller.isManagement()) throw forbidden("the management key makes no generations: ask with the key that made it");
      String id = req.getParam("id");
      if (id == null || id.isBlank()) throw ApiError.invalidField("id", "is required");
      return blocking(() -> accounts.generations().find(id, caller.keyHash()))
          .map(g -> new Reply(200, DataEnvelope.of(generation(g.orElseThrow(() -> new ApiError(404, "Generation " + id + " not found"))))));
    });
  }

  /**
   * {@code GET /activity}: the calling key's daily totals per model and provider over the last 30
   * UTC days, or one {@code date}. The management key names a key with {@code api_key_hash}.
   */
  public void activity(HttpServerRequest req) {
    anyKey(req, caller -> {
      String asked = req.getParam("api_key_hash");
      String hash;
      if (caller.isManagement()) {
        if (asked == null) throw ApiError.invalidField("api_key_hash", "is required with the management key");
        hash = asked;
      } else {
        if (asked != null && !asked.equals(caller.keyHash())) throw forbidden("a key can only read its own activity");
        hash = caller.keyHash();
      }
      LocalDate today = LocalDate.ofInstant(accounts.clock().instant(), java.time.ZoneOffset.UTC);
      LocalDate from = today.minusDays(ACTIVITY_DAYS - 1L);
      LocalDate to = today;
      String date = req.getParam("date");
      if (date != null) {
        try {
          from = to = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
          throw ApiError.invalidField("date", "must be YYYY-MM-DD");
        }
      }
      LocalDate f = from, t = to;
      return blocking(() -> accounts.generations().activity(hash, f, t))
          .map(rows -> new Reply(200, DataEnvelope.of(rows.stream().map(AccountsHandler::activityItem).toList())));
    });
  }

  // ---- the shapes ----

  static dev.openrouter4j.api.account.ApiKey apiKey(ApiKey k) {
    Map<String, Object> extra = new LinkedHashMap<>();
    if (k.rateLimitRpm() != null) extra.put("rate_limit_rpm", k.rateLimitRpm());
    return new dev.openrouter4j.api.account.ApiKey(
        k.hash(), k.name(), k.label(), k.disabled(), k.limit(), k.limitRemaining(), k.limitReset() == null ? null : k.limitReset().wire(),
        false, k.usage(), k.usageDaily(), k.usageWeekly(), k.usageMonthly(), 0.0, 0.0, 0.0, 0.0,
        k.createdAt().toString(), k.updatedAt() == null ? null : k.updatedAt().toString(), null, null, null, extra);
  }

  static KeyInfo keyInfo(ApiKey k, boolean management) {
    if (k == null) {
      return new KeyInfo(
          management ? "management key" : "local", null, null, null, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, false, false, management, management,
          null, null, new KeyInfo.RateLimit(-1, "1m", "no rate limit", null), null);
    }
    KeyInfo.RateLimit rate =
        k.rateLimitRpm() == null ? new KeyInfo.RateLimit(-1, "1m", "no rate limit", null) : new KeyInfo.RateLimit(k.rateLimitRpm(), "1m", null, null);
    return new KeyInfo(
        k.label(), k.limit(), k.limitRemaining(), k.limitReset() == null ? null : k.limitReset().wire(), k.usage(), k.usageDaily(),
        k.usageWeekly(), k.usageMonthly(), 0.0, 0.0, 0.0, 0.0, false, false, false, false, null, null, rate, null);
  }

  static Generation generation(GenerationRecord g) {
    List<Generation.ProviderResponse> attempts = new ArrayList<>();
    for (GenerationRecord.Attempt a : g.attempts()) {
      attempts.add(new Generation.ProviderResponse(a.status(), null, null, a.model(), a.provider(), false, (double) a.latencyMs(), null, null));
    }
    return new Generation(
        g.id(), g.model(), g.createdAt().toString(), g.apiType(), g.provider(), g.cost(), g.cost(), null, null, false,
        (int) g.promptTokens(), (int) g.completionTokens(), (int) g.promptTokens(), (int) g.completionTokens(), null,
        (int) g.reasoningTokens(), (int) g.cachedTokens(), null, null, null, null, null,
        (double) g.latencyMs(), (double) g.generationTimeMs(), null, g.finishReason(), g.finishReason(), g.streamed(), g.cancelled(),
        null, null, null, null, null, null, null, null, null, null, null, null, attempts, null, null, null, null);
  }

  static ActivityItem activityItem(ActivityRow r) {
    return new ActivityItem(
        r.date().toString(), r.model(), r.model(), null, r.provider(), r.usage(), 0.0, r.requests(), r.promptTokens(), r.completionTokens(),
        r.reasoningTokens(), null, null);
  }

  // ---- plumbing ----

  private record Reply(int status, Object body) {}

  private void management(HttpServerRequest req, Function<Buffer, Future<Reply>> work) {
    req.pause();
    auth.authenticate(req)
        .compose(caller -> {
          if (!caller.isManagement()) {
            throw forbidden(
                auth.hasManagementKey()
                    ? "Only a management key can manage keys"
                    : "Key management needs a management key: set " + dev.openrouter4j.gateway.account.ManagementKey.ENV);
          }
          return BodyReader.read(req, maxBodyBytes);
        })
        .compose(work::apply)
        .onComplete(ar -> answer(req, ar.succeeded() ? ar.result() : null, ar.cause()));
  }

  private void anyKey(HttpServerRequest req, Function<Authenticator.Caller, Future<Reply>> work) {
    auth.authenticate(req).compose(work::apply).onComplete(ar -> answer(req, ar.succeeded() ? ar.result() : null, ar.cause()));
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  private static void answer(HttpServerRequest req, Reply reply, Throwable failure) {
    if (failure != null) {
      ApiError error = failure instanceof ApiError a ? a : new ApiError(500, "internal error: " + failure.getMessage());
      error.send(req.response());
      return;
    }
    try {
      req.response().setStatusCode(reply.status()).putHeader("content-type", "application/json").end(Json.mapper().writeValueAsString(reply.body()));
    } catch (JsonProcessingException e) {
      new ApiError(500, "internal error: " + e.getMessage()).send(req.response());
    }
  }

  private static <T> T read(Buffer body, Class<T> type) {
    if (body.length() == 0) throw ApiError.badRequest("a JSON body is required");
    try {
      return Json.mapper().readValue(body.getBytes(), type);
    } catch (java.io.IOException e) {
      throw ApiError.badRequest("invalid JSON body: " + e.getMessage());
    }
  }

  private static LimitReset reset(dev.openrouter4j.api.account.LimitReset r) {
    return r == null ? null : LimitReset.valueOf(r.name());
  }

  private static Integer rpm(Map<String, Object> extra) {
    if (extra == null) return null;
    Object v = extra.get("rate_limit_rpm");
    if (v == null) return null;
    if (v instanceof Number n && n.doubleValue() == n.intValue()) return n.intValue();
    throw ApiError.invalidField("rate_limit_rpm", "must be a whole number of requests per minute");
  }

  private static String hashParam(HttpServerRequest req) {
    String path = req.path();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static int intParam(HttpServerRequest req, String name, int otherwise) {
    String v = req.getParam(name);
    if (v == null) return otherwise;
    try {
      int n = Integer.parseInt(v);
      if (n < 0) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.invalidField(name, "must be a whole number >= 0");
    }
  }

  static ApiError forbidden(String message) {
    return new ApiError(403, message, Map.of("error_type", "forbidden"), -1);
  }

  private static ApiError noKey() {
    return new ApiError(404, "No key with this hash", null, -1);
  }

  @SuppressWarnings("unused")
  private static String iso(Instant i) {
    return i == null ? null : i.toString();
  }
}
