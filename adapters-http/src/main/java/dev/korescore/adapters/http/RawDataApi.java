package dev.korescore.adapters.http;

import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.HeaderMap;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** Kore's POST Raw Data under each {@link ApiPreset}. Paths are relative to the host's base URL. */
interface RawDataApi {

  @POST("api/public/QualityManagement/account/{accountId}/v1/RawData")
  Call<ResponseBody> legacy(
      @Path("accountId") String accountId, @HeaderMap Map<String, String> headers, @Body Map<String, Object> body);

  @POST("api/v1/public/qualitymanagement/app/{streamId}/rawdata")
  Call<ResponseBody> app(
      @Path("streamId") String streamId, @HeaderMap Map<String, String> headers, @Body Map<String, Object> body);

  @POST("qualityai/api/v1/public/qualitymanagement/app/{streamId}/rawdata")
  Call<ResponseBody> qualityai(
      @Path("streamId") String streamId, @HeaderMap Map<String, String> headers, @Body Map<String, Object> body);

  @POST("agentassist/api/v1/public/qualitymanagement/app/{streamId}/rawdata")
  Call<ResponseBody> agentassist(
      @Path("streamId") String streamId, @HeaderMap Map<String, String> headers, @Body Map<String, Object> body);
}
