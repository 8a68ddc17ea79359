package io.gex.cache.redis;

/**
 * The Lua scripts that keep a symbol's entries, index and newest instant consistent inside Redis.
 *
 * <p>Both treat whatever they find under a symbol's keys as possibly corrupt, so that one symbol's bad keys
 * never make a script fail (a failing script would count against the circuit breaker shared by every
 * symbol): a "newest instant" that is not a plain integer of epoch microseconds (text, {@code nan}, {@code
 * inf}, a hex number, more than 18 digits, a key of another type) is treated as absent and overwritten; an index that is not a
 * sorted set is deleted. ({@code tonumber} alone is not enough: Lua reads {@code "nan"}, {@code "inf"} and
 * {@code "0x10"} as numbers.)
 *
 * <p>This class is a holder of constants.
 */
final class LuaScripts {
  private LuaScripts() {}

  /**
   * The newest instant stored under KEYS[n] as a number, or nil when absent or corrupt; and whether a
   * value (of any type) was there. A wrong-type key makes GET answer an error, which pcall returns as a
   * table.
   */
  private static final String READ_NEWEST =
      "local function newest_of(key)\n"
          + "  local raw = redis.pcall('GET', key)\n"
          + "  if type(raw) == 'string' and #raw <= 18 and string.match(raw, '^%-?%d+$') then\n"
          + "    return tonumber(raw), true\n"
          + "  end\n"
          + "  return nil, raw ~= false\n"
          + "end\n"
          // An index of another type is dropped; its entries expire with their own TTL.
          + "local function index_ok(key)\n"
          + "  local t = redis.call('TYPE', key)['ok']\n"
          + "  if t == 'zset' then return true end\n"
          + "  if t ~= 'none' then redis.call('DEL', key) end\n"
          + "  return false\n"
          + "end\n";

  /**
   * KEYS: entry, index, newest. ARGV: value, ttl ms, instant µs. Returns 1 when stored, 0 when older than
   * the symbol's newest instant. A corrupt newest instant is deleted (it is then absent, as if expired).
   */
  static final String PUT =
      READ_NEWEST
          + "local newest, present = newest_of(KEYS[3])\n"
          + "if newest and tonumber(ARGV[3]) < newest then return 0 end\n"
          + "if present and not newest then redis.call('DEL', KEYS[3]) end\n"
          + "index_ok(KEYS[2])\n"
          + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])\n"
          + "redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1])\n"
          + "redis.call('PEXPIRE', KEYS[2], ARGV[2])\n"
          + "return 1\n";

  /**
   * KEYS: index, newest. ARGV: instant µs, ttl ms, channel, message. Raises the newest instant (a corrupt
   * one is overwritten), deletes the older entries, publishes. Returns the number of entries deleted.
   */
  static final String INVALIDATE =
      READ_NEWEST
          + "local cur = newest_of(KEYS[2])\n"
          + "if (not cur) or cur < tonumber(ARGV[1]) then\n"
          + "  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])\n"
          + "else\n"
          + "  redis.call('PEXPIRE', KEYS[2], ARGV[2])\n"
          + "end\n"
          + "local deleted = 0\n"
          + "if index_ok(KEYS[1]) then\n"
          + "  local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])\n"
          + "  for _, k in ipairs(old) do redis.call('DEL', k) end\n"
          + "  if #old > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1]) end\n"
          + "  deleted = #old\n"
          + "end\n"
          + "redis.call('PUBLISH', ARGV[3], ARGV[4])\n"
          + "return deleted\n";
}
