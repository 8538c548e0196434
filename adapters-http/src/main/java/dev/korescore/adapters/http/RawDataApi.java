package dev.korescore.adapters.http;

import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.HeaderMap;
import retrofit2.http.POST;
import retrofit2.http.Url;

/**
 * Kore's POST Raw Data. The path and headers come from the {@link ApiPreset} (the one description of
 * the endpoint); the path is relative to the host's base URL. Bodies are text made by the wire format.
 */
interface RawDataApi {

  @POST
  Call<ResponseBody> rawData(@Url String path, @HeaderMap Map<String, String> headers, @Body RequestBody body);
}
