-- The underlying's price when a contract's bid and ask were quoted (OptionContract.spotAtQuote); NULL:
-- quoted at the snapshot's spot. A live chain stamps every quote with the spot of its moment, and an
-- implied volatility solved from the mid is solved at that spot.
ALTER TABLE option_data
  ADD COLUMN spot_at_quote float8 CHECK (spot_at_quote > 0 AND spot_at_quote < 'Infinity');
