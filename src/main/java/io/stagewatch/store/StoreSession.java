package io.stagewatch.store;

import io.stagewatch.run.CheckResult;
import io.stagewatch.run.RunListener;
import io.stagewatch.run.RunResult;
import io.stagewatch.run.Series;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One run's use of the store: take the environment's run lock, mark runs left RUNNING by killed
 * processes ABORTED, forget the runs older than the retention, record the run through {@link
 * #listener()}, then read the window figures. Where the lock can be taken before the store is
 * opened, the store is opened on a thread of its own while the run begins ({@link #opening}), and
 * what needs it waits for it. The session owns the open store and closes it; after the run it lends
 * out the roles the caller needs, {@link #outbox()}, {@link #history()} and {@link #silences()}.
 * Store trouble never stops the run; {@link #problem()} tells the caller about it afterwards.
 */
public final class StoreSession implements AutoCloseable {
  /** How far back {@link #recentlyRan} looks; slots further back than this are long over. */
  static final int RECENT_RUNS = 50;

  /**
   * The longest the end of a run waits for its records to be written. A backstop only: every
   * attempt is bounded by the store's own timeouts, and the wait ends as soon as one made after the
   * checks ended fails.
   */
  static final Duration WRITES_LIMIT = Duration.ofSeconds(30);

  /** The store, open or being opened; null without one. */
  private final @Nullable StoreOpening opening;

  private final @Nullable RunLock lock;
  private final @Nullable StoreListener listener;

  private volatile @Nullable StoreException problem;

  /** When the run's results are recorded, as the store records them; null without a store. */
  private final @Nullable Clock clock;

  /** The store's closing, once {@link #closeStore} started it; null until then. */
  private volatile @Nullable Thread closing;

  /** The window's earlier runs, read while the run goes on; null until asked for. */
  private @Nullable EarlierRuns earlier;

  /** The run as it ended, once {@link #finish} was given it from what was read ahead. */
  private volatile @Nullable EndedRun ended;

  private StoreSession(
      @Nullable StoreOpening opening,
      @Nullable RunLock lock,
      @Nullable StoreException problem,
      @Nullable AlertPlanner planner,
      @Nullable Clock clock) {
    this.opening = opening;
    this.clock = clock;
    this.lock = lock;
    this.listener =
        opening == null
            ? null
            : new StoreListener(new OpeningRecorder(opening), runnerVersion(), planner);
    this.problem = problem;
  }

  /** No store at all ({@code --no-store}, {@code demo}). */
  public static StoreSession none() {
    return new StoreSession(null, null, null, null, null);
  }

  /** The store could not be opened: the run goes on without it and then reports the problem. */
  public static StoreSession failed(StoreException problem) {
    return new StoreSession(null, null, problem, null, null);
  }

  /**
   * Takes the environment's run lock in an open store (closing the store if that fails), marks
   * abandoned runs and deletes the runs started longer than {@code retention} ago; {@code planner}
   * decides the notices written with the run's end.
   *
   * @param wait how long to wait for the lock, by {@code clock}
   * @param clock the lock's holder is recorded since its time, and retention counts back from it
   * @throws RunLockedException when another run holds the lock after {@code wait}
   */
  public static StoreSession start(
      ResultStore store,
      String environment,
      Duration wait,
      Duration retention,
      @Nullable AlertPlanner planner,
      Clock clock)
      throws RunLockedException {
    RunLock lock;
    try {
      lock = store.lock(environment, LockHolder.thisProcess(clock.instant()), wait, clock);
    } catch (StoreException e) {
      store.close();
      return failed(e);
    } catch (RunLockedException e) {
      store.close();
      throw e;
    }
    StoreSession session = new StoreSession(StoreOpening.of(store), lock, null, planner, clock);
    try {
      prepare(store, environment, retention, clock);
    } catch (StoreException e) {
      session.problem = e;
    }
    return session;
  }

  /**
   * Takes the environment's run lock before the store is opened, where it lives outside the
   * database, and then opens the store on a thread of its own while the run begins: the lock's
   * holder is recorded, abandoned runs are marked and the runs started longer than {@code
   * retention} ago are deleted there, before the run's own records. The opening waits until the
   * run's first check waits on the network (or a result comes, or something needs the store, or
   * {@link StoreOpening#LATEST_START} passes), so that it does not take the CPU from the checks'
   * start. Whatever needs the store waits for it; a store that cannot be opened is the session's
   * {@link #problem}.
   *
   * @param clock the lock's holder is recorded since its time, and retention counts back from it
   * @return empty when the lock cannot be taken so, or is held: then open the store and {@link
   *     #start} the session, which waits for the lock and says who holds it
   */
  public static Optional<StoreSession> opening(
      StoreLocation location,
      String environment,
      Duration retention,
      @Nullable AlertPlanner planner,
      Clock clock) {
    return opening(location, environment, retention, planner, clock, StoreOpening.LATEST_START);
  }

  /**
   * As {@link #opening(StoreLocation, String, Duration, AlertPlanner, Clock)}, with the opening
   * starting at the latest {@code latestStart} after this call when nothing cues it before.
   */
  static Optional<StoreSession> opening(
      StoreLocation location,
      String environment,
      Duration retention,
      @Nullable AlertPlanner planner,
      Clock clock,
      Duration latestStart) {
    Optional<RunLock> lock = location.tryLockFirst(environment);
    if (lock.isEmpty()) {
      return Optional.empty();
    }
    Instant lockedAt = clock.instant();
    StoreOpening opening =
        StoreOpening.start(
            () -> {
              ResultStore store = location.open();
              try {
                store.recordHolder(environment, LockHolder.thisProcess(lockedAt));
                prepare(store, environment, retention, clock);
              } catch (StoreException | RuntimeException e) {
                store.close();
                throw e;
              }
              return store;
            },
            latestStart);
    return Optional.of(new StoreSession(opening, lock.get(), null, planner, clock));
  }

  /** What a run does in the store once it holds the lock, before it records anything. */
  private static void prepare(
      ResultStore store, String environment, Duration retention, Clock clock)
      throws StoreException {
    store.markAbandoned(environment);
    store.deleteRunsStartedBefore(clock.instant().minus(retention));
  }

  /**
   * Subscribes the store to the run; a listener that does nothing when there is no store. A store
   * still waiting to be opened is opened once the run's checks wait on the network, or the first of
   * them ends.
   */
  public RunListener listener() {
    StoreListener recording = listener;
    if (recording == null) {
      return new RunListener() {};
    }
    RunListener cue =
        new RunListener() {
          @Override
          public void waitingOnNetwork() {
            openNow();
          }

          @Override
          public void checkFinished(CheckResult result) {
            openNow();
          }

          @Override
          public void runFinished(RunResult result) {
            openNow();
          }
        };
    return RunListener.all(cue, recording);
  }

  /**
   * Lets a store that waits for its cue to be opened go ahead now: for a caller that will need it
   * shortly (the silences, which the run's first result waits for).
   */
  public void openNow() {
    if (opening != null) {
      opening.begin();
    }
  }

  /**
   * Whether one of the environment's recent runs carries {@code label}: how a scheduled slot that
   * another daemon already ran is recognized, asked while holding the run lock so that the answer
   * cannot change before this run starts. False when there is no store or it fails (the run goes
   * ahead: a slot run twice is better than a slot missed).
   */
  public boolean recentlyRan(String environment, String label) {
    RunHistory s = working();
    if (s == null) {
      return false;
    }
    try {
      return s.lastRuns(environment, RECENT_RUNS).stream()
          .anyMatch(run -> label.equals(run.label()));
    } catch (StoreException e) {
      return false;
    }
  }

  /**
   * Starts reading the series' last runs and their results while the run goes on, for {@link
   * #finish} to add the run itself as it ended, without reading or waiting for the store. Nothing
   * happens without a working store.
   *
   * @param window the runs the figures cover, as {@link #finish} is given it
   * @param historyRuns the runs the page's history shows, as {@link #finish} is given it
   */
  public void readAhead(String environment, Series series, int window, int historyRuns) {
    StoreOpening o = opening;
    if (o != null && problem == null && earlier == null) {
      earlier = EarlierRuns.readAhead(o, environment, series, Math.max(window, historyRuns));
    }
  }

  /**
   * After the run: the last runs of the run's series, {@code window} of them for the figures, or
   * {@code historyRuns} when that is more. With the earlier runs read ahead, they are those and the
   * run as it ended, while its end is still being written (a write that fails then is in {@link
   * #problem}); otherwise they are read back once the run's records are written.
   *
   * @return null when there is no store or it failed
   */
  public @Nullable RecentRuns finish(RunResult result, int window, int historyRuns) {
    int count = Math.max(window, historyRuns);
    EarlierRuns read = earlier;
    Clock c = clock;
    if (read != null && c != null && problem == null) {
      EndedRun run = EndedRun.of(result, runnerVersion(), c.instant());
      Optional<RecentRuns> recent = read.with(run, window, count);
      if (recent.isPresent()) {
        ended = run;
        return recent.get();
      }
    }
    if (finishWriting().isPresent()) {
      return null;
    }
    ResultStore s = working();
    if (s == null) {
      return null;
    }
    try {
      List<StoredRun> runs = s.lastRuns(result.info().environment(), result.info().series(), count);
      return new RecentRuns(
          window, runs, s.resultsOfRuns(runs.stream().map(StoredRun::runId).toList()));
    } catch (StoreException e) {
      problem = e;
      return null;
    }
  }

  /**
   * The store's outbox, while the store works: the run and its notices are in it, so the notices
   * can be sent from there. Empty without a store or after a store problem.
   */
  public Optional<NoticeOutbox> outbox() {
    finishWriting();
    return Optional.ofNullable(working());
  }

  /**
   * The store's runs, this one among them (as it ended, once {@link #finish} has it, whether or not
   * its end is written yet), while the store works. Empty without a store or after a store problem.
   */
  public Optional<RunHistory> history() {
    ResultStore s = working();
    if (s == null) {
      return Optional.empty();
    }
    EndedRun run = ended;
    return Optional.of(run == null ? s : new HistoryWithEndedRun(s, run, this::finishWriting));
  }

  /**
   * The store's silences, while the store works, for the run to read the active ones as it starts.
   * Empty without a store or after a store problem.
   */
  public Optional<Silences> silences() {
    // Read on a thread of its own from the run's start: it waits for the store in the store's own
    // time, unlike the roles asked for after the run.
    if (closing != null || problem != null || opening == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(opening.awaitOrNull());
  }

  /**
   * The store, once it is open, unless there is none or it failed; the session keeps it and closes
   * it.
   */
  private @Nullable ResultStore working() {
    // problem() has let a waiting opening go ahead and waited for it.
    if (closing != null || problem().isPresent() || opening == null) {
      return null;
    }
    return opening.awaitOrNull();
  }

  /**
   * The first store problem of the run, if any, its opening's included (waiting for that to end);
   * its message is not masked yet.
   */
  public Optional<StoreException> problem() {
    awaitClosing();
    if (problem != null) {
      return Optional.of(problem);
    }
    if (opening != null) {
      opening.begin();
      try {
        opening.await();
      } catch (StoreException e) {
        return Optional.of(e);
      }
    }
    return listener == null ? Optional.empty() : listener.error();
  }

  /** Waits for the run's records to be written, within the store's bounds; see {@link #problem}. */
  private Optional<StoreException> finishWriting() {
    return listener == null ? Optional.empty() : listener.finish(WRITES_LIMIT);
  }

  /** Waits for the closing {@link #closeStore} started, if it did: its writes are then done. */
  private void awaitClosing() {
    Thread closed = closing;
    if (closed != null && closed != Thread.currentThread()) {
      try {
        closed.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Starts closing the store on a thread of its own, keeping the run lock until {@link #close}: for
   * a caller whose last steps no longer need the store (the reports), which then wait neither for
   * the last of the run's records nor for the store's closing (the write-ahead log's checkpoint).
   * The roles the session lends out are empty from here on; {@link #problem} waits for the closing
   * and says what was not written.
   */
  public void closeStore() {
    if (closing == null) {
      closing = Thread.ofPlatform().daemon().name("stagewatch-store-close").start(this::closeNow);
    }
  }

  private void closeNow() {
    openNow();
    finishWriting();
    if (earlier != null) {
      earlier.await();
    }
    ResultStore store = opening == null ? null : opening.awaitOrNull();
    if (store != null) {
      store.close();
    }
  }

  /** Closes the store, unless {@link #closeStore} did, then gives up the run lock. */
  @Override
  public void close() {
    try {
      if (closing == null) {
        closeNow();
      } else {
        awaitClosing();
      }
    } finally {
      releaseLock();
    }
  }

  private void releaseLock() {
    try {
      if (lock != null) {
        lock.close();
      }
    } catch (StoreException e) {
      if (problem().isEmpty()) {
        problem = e;
      }
    }
  }

  static String runnerVersion() {
    String version = StoreSession.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
