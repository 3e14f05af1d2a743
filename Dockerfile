# One image for every component; the command picks which one runs (capture, segment, record, ...).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY schemas schemas
COPY telemetry telemetry
COPY capture-agent capture-agent
COPY segmenter-worker segmenter-worker
COPY recorder-sink recorder-sink
COPY vision-cli vision-cli
RUN ./mvnw -B -q -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
WORKDIR /opt/vision
COPY --from=build /src/vision-cli/target/lib lib
COPY --from=build /src/vision-cli/target/vision-cli-0.1.0-SNAPSHOT.jar vision.jar
COPY models models
COPY bench bench
ENV DJL_CACHE_DIR=/opt/vision/.djl
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-Dvision.home=/opt/vision", "-jar", "/opt/vision/vision.jar"]
CMD ["--help"]
