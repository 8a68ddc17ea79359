-- gex storage schema, version 1. Flyway-compatible: unqualified names, applied with the target schema
-- first on the search_path, in one transaction.

-- One row per stored snapshot: headline figures, the sign convention, per-strike series and the whole
-- analysis as JSON. (symbol, valuation_time) identifies a snapshot.
CREATE TABLE gex_snapshots (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  symbol             text        NOT NULL CHECK (symbol <> '' AND length(symbol) <= 64),
  valuation_time     timestamptz NOT NULL,
  trading_date       date        NOT NULL,
  analyzed_at        timestamptz NOT NULL,
  spot               float8      NOT NULL CHECK (spot > 0 AND spot < 'Infinity'),
  total_gex          float8      NOT NULL CHECK (total_gex > '-Infinity' AND total_gex < 'Infinity'),
  call_gex           float8      NOT NULL CHECK (call_gex > '-Infinity' AND call_gex < 'Infinity'),
  put_gex            float8      NOT NULL CHECK (put_gex > '-Infinity' AND put_gex < 'Infinity'),
  zero_gamma         float8      CHECK (zero_gamma > '-Infinity' AND zero_gamma < 'Infinity'),
  strike_zero_gamma  float8      CHECK (strike_zero_gamma > '-Infinity' AND strike_zero_gamma < 'Infinity'),
  call_wall          float8      CHECK (call_wall > 0 AND call_wall < 'Infinity'),
  put_wall           float8      CHECK (put_wall > 0 AND put_wall < 'Infinity'),
  abs_gamma_strike   float8      CHECK (abs_gamma_strike > 0 AND abs_gamma_strike < 'Infinity'),
  regime             text        NOT NULL CHECK (regime IN ('POSITIVE', 'NEGATIVE', 'NEUTRAL')),
  sign_convention    text        NOT NULL
                     CHECK (sign_convention IN ('DEALER_LONG_CALLS_SHORT_PUTS', 'DEALER_SHORT_CALLS_LONG_PUTS')),
  contracts_used     integer     NOT NULL CHECK (contracts_used >= 0),
  contracts_skipped  integer     NOT NULL CHECK (contracts_skipped >= 0),
  contract_count     integer     NOT NULL CHECK (contract_count >= 0),
  strikes            float8[]    NOT NULL,
  call_gex_by_strike float8[]    NOT NULL,
  put_gex_by_strike  float8[]    NOT NULL,
  net_gex_by_strike  float8[]    NOT NULL,
  analysis           jsonb       NOT NULL CHECK (jsonb_typeof(analysis) = 'object'),
  chain_diagnostics  jsonb       NOT NULL CHECK (jsonb_typeof(chain_diagnostics) = 'array'),
  format_version     smallint    NOT NULL DEFAULT 1 CHECK (format_version > 0),
  stored_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT gex_snapshots_symbol_time_key UNIQUE (symbol, valuation_time),
  CONSTRAINT gex_snapshots_trading_date_check
    CHECK (trading_date = (valuation_time AT TIME ZONE 'America/New_York')::date),
  CONSTRAINT gex_snapshots_series_check
    CHECK (cardinality(call_gex_by_strike) = cardinality(strikes)
           AND cardinality(put_gex_by_strike) = cardinality(strikes)
           AND cardinality(net_gex_by_strike) = cardinality(strikes))
);
-- (symbol, valuation_time) is indexed by the unique constraint: latest and range reads by symbol + time.
CREATE INDEX gex_snapshots_valuation_time_idx ON gex_snapshots (valuation_time);
CREATE INDEX gex_snapshots_symbol_date_idx ON gex_snapshots (symbol, trading_date);

-- The raw contracts of each snapshot, in the chain's order.
CREATE TABLE option_data (
  snapshot_id        bigint   NOT NULL REFERENCES gex_snapshots (id) ON DELETE CASCADE,
  ordinal            integer  NOT NULL CHECK (ordinal >= 0),
  root               text     NOT NULL CHECK (root <> ''),
  expiry             date     NOT NULL,
  option_right       char(1)  NOT NULL CHECK (option_right IN ('C', 'P')),
  strike             float8   NOT NULL CHECK (strike > 0 AND strike < 'Infinity'),
  settlement         text     NOT NULL CHECK (settlement IN ('AM', 'PM')),
  open_interest      bigint   NOT NULL CHECK (open_interest >= 0),
  implied_volatility float8   NOT NULL CHECK (implied_volatility >= 0 AND implied_volatility < 'Infinity'),
  bid                float8   CHECK (bid >= 0 AND bid < 'Infinity'),
  ask                float8   CHECK (ask >= 0 AND ask < 'Infinity'),
  last_price         float8   CHECK (last_price >= 0 AND last_price < 'Infinity'),
  volume             bigint   CHECK (volume >= 0),
  vendor_delta       float8   CHECK (vendor_delta BETWEEN -1 AND 1),
  vendor_gamma       float8   CHECK (vendor_gamma >= 0 AND vendor_gamma < 'Infinity'),
  PRIMARY KEY (snapshot_id, ordinal)
);

-- Every alert raised, for audit; kept when its snapshot is purged (snapshot_id becomes NULL).
CREATE TABLE alert_history (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  snapshot_id        bigint      REFERENCES gex_snapshots (id) ON DELETE SET NULL,
  ordinal            integer     NOT NULL CHECK (ordinal >= 0),
  symbol             text        NOT NULL CHECK (symbol <> ''),
  raised_at          timestamptz NOT NULL,
  rule_id            text        NOT NULL CHECK (rule_id <> ''),
  alert_type         text        NOT NULL CHECK (alert_type <> ''),
  severity           text        NOT NULL CHECK (severity IN ('INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  severity_rank      smallint    NOT NULL,
  message            text        NOT NULL,
  figures            jsonb       NOT NULL CHECK (jsonb_typeof(figures) = 'object'),
  CONSTRAINT alert_history_severity_rank_check
    CHECK (severity_rank = array_position(ARRAY['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], severity) - 1)
);
CREATE INDEX alert_history_symbol_time_idx ON alert_history (symbol, raised_at);
CREATE INDEX alert_history_severity_type_idx ON alert_history (severity_rank, alert_type, raised_at);
CREATE INDEX alert_history_raised_at_idx ON alert_history (raised_at);
CREATE INDEX alert_history_snapshot_idx ON alert_history (snapshot_id);

-- One row per symbol and trading day (America/New_York), recomputed from the day's snapshots on each save.
CREATE TABLE historical_gex_data (
  symbol               text        NOT NULL CHECK (symbol <> ''),
  trading_date         date        NOT NULL,
  open_total_gex       float8      NOT NULL,
  high_total_gex       float8      NOT NULL,
  low_total_gex        float8      NOT NULL,
  close_total_gex      float8      NOT NULL,
  open_zero_gamma      float8,
  high_zero_gamma      float8,
  low_zero_gamma       float8,
  close_zero_gamma     float8,
  last_call_wall       float8,
  last_put_wall        float8,
  snapshot_count       integer     NOT NULL CHECK (snapshot_count > 0),
  first_valuation_time timestamptz NOT NULL,
  last_valuation_time  timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (symbol, trading_date),
  CONSTRAINT historical_gex_data_total_ohlc_check
    CHECK (low_total_gex <= high_total_gex
           AND open_total_gex BETWEEN low_total_gex AND high_total_gex
           AND close_total_gex BETWEEN low_total_gex AND high_total_gex),
  CONSTRAINT historical_gex_data_zero_gamma_check
    CHECK ((open_zero_gamma IS NULL AND high_zero_gamma IS NULL AND low_zero_gamma IS NULL AND close_zero_gamma IS NULL)
           OR (open_zero_gamma IS NOT NULL AND high_zero_gamma IS NOT NULL
               AND low_zero_gamma IS NOT NULL AND close_zero_gamma IS NOT NULL
               AND low_zero_gamma <= high_zero_gamma
               AND open_zero_gamma BETWEEN low_zero_gamma AND high_zero_gamma
               AND close_zero_gamma BETWEEN low_zero_gamma AND high_zero_gamma)),
  CONSTRAINT historical_gex_data_times_check CHECK (first_valuation_time <= last_valuation_time)
);
CREATE INDEX historical_gex_data_date_idx ON historical_gex_data (trading_date);
