/**
 * The Kore Raw Data client: a Retrofit/OkHttp adapter of {@link dev.korescore.core.fetch.FetchRawDataPort}
 * with HS256 JWT authentication, paging, window slicing, a shared rate limiter, bounded concurrency and
 * retries. Start at {@link dev.korescore.adapters.http.RetrofitRawDataAdapter#builder()}.
 */
package dev.korescore.adapters.http;
