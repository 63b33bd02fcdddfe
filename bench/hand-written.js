// A hand-written validator for AdminGetUserResponse (the reconciled Cognito corpus), the peer the
// generated validators are measured against. Same semantics as the generated ones: members are own
// enumerable properties (one that is undefined is absent), lengths count code points, patterns use
// the `u` flag, unknown enum values and undeclared members are drift. Written the way a careful
// person would: one for-in pass per object, checks inline, pointers built only for problems.

const hasOwn = Object.prototype.hasOwnProperty;
const USERNAME = /^(?:[\p{L}\p{M}\p{S}\p{N}\p{P}]+)$/u;
const ATTRIBUTE_NAME = /^(?:[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+)$/u;
const USER_STATUS = new Set([
  "ARCHIVED",
  "COMPROMISED",
  "CONFIRMED",
  "EXTERNAL_PROVIDER",
  "FORCE_CHANGE_PASSWORD",
  "RESET_REQUIRED",
  "UNCONFIRMED",
  "UNKNOWN",
]);
const DELIVERY_MEDIUM = new Set(["EMAIL", "SMS"]);
const MFA = new Set(["EMAIL_OTP", "SMS_MFA", "SOFTWARE_TOKEN_MFA"]);

function codePoints(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n++;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const tooLong = (s, max) => s.length > max && codePoints(s) > max;
const tooShort = (s, min) => s.length < 2 * min && codePoints(s) < min;
const username = (v) => typeof v === "string" && !tooShort(v, 1) && !tooLong(v, 128) && USERNAME.test(v);
const attributeName = (v) => typeof v === "string" && !tooShort(v, 1) && !tooLong(v, 32) && ATTRIBUTE_NAME.test(v);

function attribute(a) {
  if (!isObject(a)) return false;
  let name = false;
  for (const k in a) {
    if (!hasOwn.call(a, k)) continue;
    const v = a[k];
    if (v === undefined) continue;
    if (k === "Name") {
      if (!attributeName(v)) return false;
      name = true;
    } else if (k === "Value" && (typeof v !== "string" || tooLong(v, 2048))) return false;
  }
  return name;
}

function mfaOption(o) {
  if (!isObject(o)) return false;
  for (const k in o) {
    if (!hasOwn.call(o, k)) continue;
    const v = o[k];
    if (v === undefined) continue;
    if (k === "DeliveryMedium" && typeof v !== "string") return false;
    if (k === "AttributeName" && !attributeName(v)) return false;
  }
  return true;
}

/** Valid (drift allowed); stops at the first problem. */
export function isAdminGetUserResponse(x) {
  if (!isObject(x)) return false;
  let user = false;
  for (const k in x) {
    if (!hasOwn.call(x, k)) continue;
    const v = x[k];
    if (v === undefined) continue;
    switch (k) {
      case "Username":
        if (!username(v)) return false;
        user = true;
        break;
      case "UserAttributes":
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!attribute(v[i])) return false;
        break;
      case "UserCreateDate":
      case "UserLastModifiedDate":
        if (typeof v !== "number" || !isFinite(v)) return false;
        break;
      case "Enabled":
        if (typeof v !== "boolean") return false;
        break;
      case "UserStatus":
        if (typeof v !== "string") return false;
        break;
      case "MFAOptions":
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!mfaOption(v[i])) return false;
        break;
      case "PreferredMfaSetting":
        if (typeof v !== "string" || tooLong(v, 131072)) return false;
        break;
      case "UserMFASettingList":
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
        break;
    }
  }
  return user;
}

// ---------------------------------------------------------------------------------------------
// validate: every error and drift entry, with pointers.

const token = (k) => String(k).replace(/~/g, "~0").replace(/\//g, "~1");

function stringErrors(v, at, errors, min, max, re) {
  if (typeof v !== "string")
    return errors.push({ pointer: at, code: "INSTANCE_STRING_EXPECTED", message: "must be a string" });
  if (min > 0 && tooShort(v, min))
    errors.push({ pointer: at, code: "INSTANCE_STRING_MIN_LENGTH", message: `must have at least ${min} characters` });
  if (tooLong(v, max))
    errors.push({ pointer: at, code: "INSTANCE_STRING_MAX_LENGTH", message: `must have at most ${max} characters` });
  if (re && !re.test(v))
    errors.push({ pointer: at, code: "INSTANCE_STRING_PATTERN_MISMATCH", message: `must match the pattern ${re}` });
}

function known(v, at, set, drift) {
  if (typeof v === "string" && !set.has(v))
    drift.push({ pointer: at, kind: "unknown-value", value: v, known: [...set] });
}

function attributeErrors(a, at, errors, drift) {
  if (!isObject(a)) return errors.push({ pointer: at, code: "INSTANCE_OBJECT_EXPECTED", message: "must be an object" });
  let name = false;
  for (const k in a) {
    if (!hasOwn.call(a, k)) continue;
    const v = a[k];
    if (v === undefined) continue;
    if (k === "Name") {
      name = true;
      stringErrors(v, `${at}/Name`, errors, 1, 32, ATTRIBUTE_NAME);
    } else if (k === "Value") stringErrors(v, `${at}/Value`, errors, 0, 2048);
    else drift.push({ pointer: `${at}/${token(k)}`, kind: "unknown-property", value: k });
  }
  if (!name) errors.push({ pointer: `${at}/Name`, code: "INSTANCE_REQUIRED_PROPERTY_MISSING", message: "is required" });
}

function mfaOptionErrors(o, at, errors, drift) {
  if (!isObject(o)) return errors.push({ pointer: at, code: "INSTANCE_OBJECT_EXPECTED", message: "must be an object" });
  for (const k in o) {
    if (!hasOwn.call(o, k)) continue;
    const v = o[k];
    if (v === undefined) continue;
    if (k === "DeliveryMedium") {
      if (typeof v !== "string")
        errors.push({ pointer: `${at}/${k}`, code: "INSTANCE_STRING_EXPECTED", message: "must be a string" });
      else known(v, `${at}/${k}`, DELIVERY_MEDIUM, drift);
    } else if (k === "AttributeName") stringErrors(v, `${at}/${k}`, errors, 1, 32, ATTRIBUTE_NAME);
    else drift.push({ pointer: `${at}/${token(k)}`, kind: "unknown-property", value: k });
  }
}

function arrayOf(v, at, errors, drift, each) {
  if (!Array.isArray(v))
    return errors.push({ pointer: at, code: "INSTANCE_ARRAY_EXPECTED", message: "must be an array" });
  for (let i = 0; i < v.length; i++) each(v[i], `${at}/${i}`, errors, drift);
}

/** Every error and drift entry of a value. */
export function validateAdminGetUserResponse(x) {
  const errors = [];
  const drift = [];
  if (!isObject(x)) {
    errors.push({ pointer: "", code: "INSTANCE_OBJECT_EXPECTED", message: "must be an object" });
    return { valid: false, errors, drift };
  }
  let user = false;
  for (const k in x) {
    if (!hasOwn.call(x, k)) continue;
    const v = x[k];
    if (v === undefined) continue;
    const at = `/${token(k)}`;
    switch (k) {
      case "Username":
        user = true;
        stringErrors(v, at, errors, 1, 128, USERNAME);
        break;
      case "UserAttributes":
        arrayOf(v, at, errors, drift, attributeErrors);
        break;
      case "UserCreateDate":
      case "UserLastModifiedDate":
        if (typeof v !== "number" || !isFinite(v))
          errors.push({ pointer: at, code: "INSTANCE_NUMBER_EXPECTED", message: "must be a number" });
        break;
      case "Enabled":
        if (typeof v !== "boolean")
          errors.push({ pointer: at, code: "INSTANCE_BOOLEAN_EXPECTED", message: "must be a boolean" });
        break;
      case "UserStatus":
        if (typeof v !== "string")
          errors.push({ pointer: at, code: "INSTANCE_STRING_EXPECTED", message: "must be a string" });
        else known(v, at, USER_STATUS, drift);
        break;
      case "MFAOptions":
        arrayOf(v, at, errors, drift, mfaOptionErrors);
        break;
      case "PreferredMfaSetting":
        stringErrors(v, at, errors, 0, 131072);
        known(v, at, MFA, drift);
        break;
      case "UserMFASettingList":
        arrayOf(v, at, errors, drift, (s, p, e, d) => {
          if (typeof s !== "string")
            e.push({ pointer: p, code: "INSTANCE_STRING_EXPECTED", message: "must be a string" });
          else known(s, p, MFA, d);
        });
        break;
      default:
        drift.push({ pointer: at, kind: "unknown-property", value: k });
    }
  }
  if (!user) errors.push({ pointer: "/Username", code: "INSTANCE_REQUIRED_PROPERTY_MISSING", message: "is required" });
  return { valid: errors.length === 0, errors, drift };
}
