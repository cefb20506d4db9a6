package dev.openrouter4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openrouter4j.api.account.ApiKey;
import dev.openrouter4j.api.account.CreateKeyRequest;
import dev.openrouter4j.api.account.CreateKeyResponse;
import dev.openrouter4j.api.account.Credits;
import dev.openrouter4j.api.account.KeyInfo;
import dev.openrouter4j.api.account.KeysListParams;
import dev.openrouter4j.api.account.LimitReset;
import dev.openrouter4j.api.account.UpdateKeyRequest;
import dev.openrouter4j.errors.NotFoundException;
import dev.openrouter4j.errors.RequestValidationException;
import dev.openrouter4j.errors.UnauthorizedException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** {@code apiKeys()} and {@code credits()}: the account's keys and money. */
class ApiKeysServiceTest extends LoopbackTest {
  static final String HASH = "f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943";

  @Test
  void credits() throws Exception {
    replyExample("credits");
    Credits credits = client.credits().get();
    expectBodiless("GET", "credits");
    assertEquals(100.5, credits.totalCredits());
    assertEquals(25.75, credits.totalUsage());
    assertEquals(74.75, credits.remaining());
  }

  @Test
  void creditsWithoutAManagementKeyIsUnauthorized() {
    reply(401, "{\"error\":{\"code\":401,\"message\":\"Missing Authentication header\"}}");
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> client.credits().get());
    assertEquals(401, e.statusCode());
    assertEquals("Missing Authentication header", e.errorMessage());
  }

  @Test
  void theCurrentKey() throws Exception {
    replyExample("key");
    KeyInfo key = client.apiKeys().current();
    expectBodiless("GET", "key");
    assertEquals("sk-or-v1-au7...890", key.label());
    assertEquals(100.0, key.limit());
    assertEquals(74.5, key.limitRemaining());
    assertEquals("monthly", key.limitReset());
    assertEquals(25.5, key.usageDaily());
    assertEquals(17.38, key.byokUsageMonthly());
    assertEquals(false, key.isFreeTier());
    assertEquals(false, key.isManagementKey());
    assertEquals("user_2dHFtVWx2n56w6HkM0000000000", key.creatorUserId());
    assertEquals("2027-12-31T23:59:59Z", key.expiresAt());
    assertEquals(1000, key.rateLimit().requests());
    assertEquals("1h", key.rateLimit().interval());
    assertNull(key.extra());
  }

  @Test
  void listSendsOffsetAndIncludeDisabledOnlyWhenSet() throws Exception {
    replyExample("keys");
    replyExample("keys");
    List<ApiKey> keys = client.apiKeys().list();
    expectBodiless("GET", "keys");
    ApiKey k = keys.get(0);
    assertEquals(HASH, k.hash());
    assertEquals("My Production Key", k.name());
    assertEquals("Production API Key", k.label());
    assertEquals(false, k.disabled());
    assertEquals("2025-08-24T15:45:00Z", k.updatedAt());
    assertEquals("0df9e665-d932-5740-b2c7-b52af166bc11", k.workspaceId());

    client.apiKeys().list(KeysListParams.builder().offset(100).includeDisabled(true).build());
    expectBodiless("GET", "keys?offset=100&include_disabled=true");
  }

  @Test
  void createPostsTheSpecsExampleAndReturnsTheSecretOnce() throws Exception {
    server.enqueue(MockServer.Reply.json(201, SpecExamples.read("keys-create")));
    CreateKeyResponse created =
        client.apiKeys().create(CreateKeyRequest.builder()
            .name("My New API Key")
            .limit(50.0)
            .limitReset(LimitReset.MONTHLY)
            .includeByokInLimit(true)
            .expiresAt(Instant.parse("2027-12-31T23:59:59Z"))
            .build());
    expectJson("POST", "keys", SpecExamples.read("keys-create.request"));
    assertEquals("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", created.key());
    assertEquals(HASH, created.data().hash());
    assertEquals(50.0, created.data().limitRemaining());
    assertNull(created.data().updatedAt());
    assertFalse(created.toString().contains("d3558566a246d575"), "the secret stays out of toString");
  }

  @Test
  void createWithoutANameIsRefusedBeforeSending() {
    RequestValidationException e =
        assertThrows(RequestValidationException.class, () -> client.apiKeys().create(CreateKeyRequest.builder().limit(1.0).build()));
    assertEquals("name", e.field());
    assertEquals(0, server.requestCount());
  }

  @Test
  void getByHash() throws Exception {
    replyExample("keys-get");
    ApiKey key = client.apiKeys().get(HASH);
    expectBodiless("GET", "keys/" + HASH);
    assertEquals(100.0, key.limit());
    assertEquals("2025-08-24T10:30:00Z", key.createdAt());
  }

  @Test
  void getOfAnUnknownHashIsANotFoundException() throws Exception {
    reply(404, "{\"error\":{\"code\":404,\"message\":\"API key not found\"}}");
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.apiKeys().get("nope"));
    assertEquals(404, e.code());
    assertEquals("API key not found", e.errorMessage());
    expectBodiless("GET", "keys/nope");
  }

  @Test
  void updatePatchesOnlyWhatIsSet() throws Exception {
    replyExample("keys-update");
    ApiKey updated =
        client.apiKeys().update(HASH, UpdateKeyRequest.builder()
            .name("Updated API Key Name")
            .disabled(false)
            .limit(75.0)
            .limitReset(LimitReset.DAILY)
            .includeByokInLimit(true)
            .build());
    expectJson("PATCH", "keys/" + HASH, SpecExamples.read("keys-update.request"));
    assertEquals("Updated API Key Name", updated.name());
    assertEquals(75.0, updated.limit());
    assertEquals("daily", updated.limitReset());
    assertNull(updated.expiresAt());
  }

  @Test
  void updateCanRemoveTheLimitWithAnExplicitNull() throws Exception {
    replyExample("keys-update");
    client.apiKeys().update(HASH, UpdateKeyRequest.builder().removeLimit().build());
    MockServer.Recorded r = expectJson("PATCH", "keys/" + HASH, "{\"limit\":null}");
    assertEquals("{\"limit\":null}", r.body());
  }

  @Test
  void deleteSendsADeleteAndReportsTheConfirmation() throws Exception {
    replyExample("keys-delete");
    reply(200, "{\"deleted\":false}");
    assertTrue(client.apiKeys().delete(HASH));
    expectBodiless("DELETE", "keys/" + HASH);
    assertFalse(client.apiKeys().delete(HASH));
  }

  @Test
  void theAsyncVariantsCompleteOrFailWithTheMappedException() throws Exception {
    replyExample("credits");
    replyExample("key");
    replyExample("keys");
    server.enqueue(MockServer.Reply.json(201, SpecExamples.read("keys-create")));
    replyExample("keys-get");
    replyExample("keys-update");
    replyExample("keys-delete");
    reply(404, "{\"error\":{\"code\":404,\"message\":\"API key not found\"}}");
    assertEquals(100.5, client.credits().getAsync().get().totalCredits());
    assertEquals(100.0, client.apiKeys().currentAsync().get().limit());
    assertEquals(1, client.apiKeys().listAsync(KeysListParams.none()).get().size());
    assertTrue(client.apiKeys().createAsync(CreateKeyRequest.builder().name("k").build()).get().key().startsWith("sk-or-v1-"));
    assertEquals(HASH, client.apiKeys().getAsync(HASH).get().hash());
    assertEquals("daily", client.apiKeys().updateAsync(HASH, UpdateKeyRequest.builder().name("n").build()).get().limitReset());
    assertTrue(client.apiKeys().deleteAsync(HASH).get());
    CompletionException e = assertThrows(CompletionException.class, () -> client.apiKeys().getAsync("nope").join());
    assertTrue(e.getCause() instanceof NotFoundException, e.getCause().toString());
  }
}
