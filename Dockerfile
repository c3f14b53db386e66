# Build: the .NET 10 SDK restores and publishes the framework-dependent daemon (linux-x64, with
# librdkafka's centos8-librdkafka.so only: see docs/scalers/kafka.md, Packaging).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Crema.sln ./
COPY src/ src/
# The commit (samples/cloud-run/cloudbuild.yaml passes it): crema --version then reports VERSION+COMMIT.
ARG SOURCE_REVISION=""
RUN dotnet publish src/Crema.Host/Crema.Host.csproj -c Release -o /app --nologo -p:SourceRevisionId="${SOURCE_REVISION}"

# Run: the chiseled ASP.NET runtime (no shell, no package manager), as the image's non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
WORKDIR /app
COPY --from=build /app ./
# The chiseled image has no time zone database; the cron scaler needs IANA zones.
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
ENV PATH="/app:${PATH}" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    PORT=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["crema"]
CMD ["run"]
