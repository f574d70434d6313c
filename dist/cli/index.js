import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3964:
/***/ ((module) => {



module.exports = clone

var getPrototypeOf = Object.getPrototypeOf || function (obj) {
  return obj.__proto__
}

function clone (obj) {
  if (obj === null || typeof obj !== 'object')
    return obj

  if (obj instanceof Object)
    var copy = { __proto__: getPrototypeOf(obj) }
  else
    var copy = Object.create(null)

  Object.getOwnPropertyNames(obj).forEach(function (key) {
    Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(obj, key))
  })

  return copy
}


/***/ }),

/***/ 5744:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var fs = __nccwpck_require__(9896)
var polyfills = __nccwpck_require__(3501)
var legacy = __nccwpck_require__(2270)
var clone = __nccwpck_require__(3964)

var util = __nccwpck_require__(9023)

/* istanbul ignore next - node 0.x polyfill */
var gracefulQueue
var previousSymbol

/* istanbul ignore else - node 0.x polyfill */
if (typeof Symbol === 'function' && typeof Symbol.for === 'function') {
  gracefulQueue = Symbol.for('graceful-fs.queue')
  // This is used in testing by future versions
  previousSymbol = Symbol.for('graceful-fs.previous')
} else {
  gracefulQueue = '___graceful-fs.queue'
  previousSymbol = '___graceful-fs.previous'
}

function noop () {}

function publishQueue(context, queue) {
  Object.defineProperty(context, gracefulQueue, {
    get: function() {
      return queue
    }
  })
}

var debug = noop
if (util.debuglog)
  debug = util.debuglog('gfs4')
else if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || ''))
  debug = function() {
    var m = util.format.apply(util, arguments)
    m = 'GFS4: ' + m.split(/\n/).join('\nGFS4: ')
    console.error(m)
  }

// Once time initialization
if (!fs[gracefulQueue]) {
  // This queue can be shared by multiple loaded instances
  var queue = global[gracefulQueue] || []
  publishQueue(fs, queue)

  // Patch fs.close/closeSync to shared queue version, because we need
  // to retry() whenever a close happens *anywhere* in the program.
  // This is essential when multiple graceful-fs instances are
  // in play at the same time.
  fs.close = (function (fs$close) {
    function close (fd, cb) {
      return fs$close.call(fs, fd, function (err) {
        // This function uses the graceful-fs shared queue
        if (!err) {
          resetQueue()
        }

        if (typeof cb === 'function')
          cb.apply(this, arguments)
      })
    }

    Object.defineProperty(close, previousSymbol, {
      value: fs$close
    })
    return close
  })(fs.close)

  fs.closeSync = (function (fs$closeSync) {
    function closeSync (fd) {
      // This function uses the graceful-fs shared queue
      fs$closeSync.apply(fs, arguments)
      resetQueue()
    }

    Object.defineProperty(closeSync, previousSymbol, {
      value: fs$closeSync
    })
    return closeSync
  })(fs.closeSync)

  if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || '')) {
    process.on('exit', function() {
      debug(fs[gracefulQueue])
      __nccwpck_require__(2613).equal(fs[gracefulQueue].length, 0)
    })
  }
}

if (!global[gracefulQueue]) {
  publishQueue(global, fs[gracefulQueue]);
}

module.exports = patch(clone(fs))
if (process.env.TEST_GRACEFUL_FS_GLOBAL_PATCH && !fs.__patched) {
    module.exports = patch(fs)
    fs.__patched = true;
}

function patch (fs) {
  // Everything that references the open() function needs to be in here
  polyfills(fs)
  fs.gracefulify = patch

  fs.createReadStream = createReadStream
  fs.createWriteStream = createWriteStream
  var fs$readFile = fs.readFile
  fs.readFile = readFile
  function readFile (path, options, cb) {
    if (typeof options === 'function')
      cb = options, options = null

    return go$readFile(path, options, cb)

    function go$readFile (path, options, cb, startTime) {
      return fs$readFile(path, options, function (err) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$readFile, [path, options, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  var fs$writeFile = fs.writeFile
  fs.writeFile = writeFile
  function writeFile (path, data, options, cb) {
    if (typeof options === 'function')
      cb = options, options = null

    return go$writeFile(path, data, options, cb)

    function go$writeFile (path, data, options, cb, startTime) {
      return fs$writeFile(path, data, options, function (err) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$writeFile, [path, data, options, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  var fs$appendFile = fs.appendFile
  if (fs$appendFile)
    fs.appendFile = appendFile
  function appendFile (path, data, options, cb) {
    if (typeof options === 'function')
      cb = options, options = null

    return go$appendFile(path, data, options, cb)

    function go$appendFile (path, data, options, cb, startTime) {
      return fs$appendFile(path, data, options, function (err) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$appendFile, [path, data, options, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  var fs$copyFile = fs.copyFile
  if (fs$copyFile)
    fs.copyFile = copyFile
  function copyFile (src, dest, flags, cb) {
    if (typeof flags === 'function') {
      cb = flags
      flags = 0
    }
    return go$copyFile(src, dest, flags, cb)

    function go$copyFile (src, dest, flags, cb, startTime) {
      return fs$copyFile(src, dest, flags, function (err) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$copyFile, [src, dest, flags, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  var fs$readdir = fs.readdir
  fs.readdir = readdir
  var noReaddirOptionVersions = /^v[0-5]\./
  function readdir (path, options, cb) {
    if (typeof options === 'function')
      cb = options, options = null

    var go$readdir = noReaddirOptionVersions.test(process.version)
      ? function go$readdir (path, options, cb, startTime) {
        return fs$readdir(path, fs$readdirCallback(
          path, options, cb, startTime
        ))
      }
      : function go$readdir (path, options, cb, startTime) {
        return fs$readdir(path, options, fs$readdirCallback(
          path, options, cb, startTime
        ))
      }

    return go$readdir(path, options, cb)

    function fs$readdirCallback (path, options, cb, startTime) {
      return function (err, files) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([
            go$readdir,
            [path, options, cb],
            err,
            startTime || Date.now(),
            Date.now()
          ])
        else {
          if (files && files.sort)
            files.sort()

          if (typeof cb === 'function')
            cb.call(this, err, files)
        }
      }
    }
  }

  if (process.version.substr(0, 4) === 'v0.8') {
    var legStreams = legacy(fs)
    ReadStream = legStreams.ReadStream
    WriteStream = legStreams.WriteStream
  }

  var fs$ReadStream = fs.ReadStream
  if (fs$ReadStream) {
    ReadStream.prototype = Object.create(fs$ReadStream.prototype)
    ReadStream.prototype.open = ReadStream$open
  }

  var fs$WriteStream = fs.WriteStream
  if (fs$WriteStream) {
    WriteStream.prototype = Object.create(fs$WriteStream.prototype)
    WriteStream.prototype.open = WriteStream$open
  }

  Object.defineProperty(fs, 'ReadStream', {
    get: function () {
      return ReadStream
    },
    set: function (val) {
      ReadStream = val
    },
    enumerable: true,
    configurable: true
  })
  Object.defineProperty(fs, 'WriteStream', {
    get: function () {
      return WriteStream
    },
    set: function (val) {
      WriteStream = val
    },
    enumerable: true,
    configurable: true
  })

  // legacy names
  var FileReadStream = ReadStream
  Object.defineProperty(fs, 'FileReadStream', {
    get: function () {
      return FileReadStream
    },
    set: function (val) {
      FileReadStream = val
    },
    enumerable: true,
    configurable: true
  })
  var FileWriteStream = WriteStream
  Object.defineProperty(fs, 'FileWriteStream', {
    get: function () {
      return FileWriteStream
    },
    set: function (val) {
      FileWriteStream = val
    },
    enumerable: true,
    configurable: true
  })

  function ReadStream (path, options) {
    if (this instanceof ReadStream)
      return fs$ReadStream.apply(this, arguments), this
    else
      return ReadStream.apply(Object.create(ReadStream.prototype), arguments)
  }

  function ReadStream$open () {
    var that = this
    open(that.path, that.flags, that.mode, function (err, fd) {
      if (err) {
        if (that.autoClose)
          that.destroy()

        that.emit('error', err)
      } else {
        that.fd = fd
        that.emit('open', fd)
        that.read()
      }
    })
  }

  function WriteStream (path, options) {
    if (this instanceof WriteStream)
      return fs$WriteStream.apply(this, arguments), this
    else
      return WriteStream.apply(Object.create(WriteStream.prototype), arguments)
  }

  function WriteStream$open () {
    var that = this
    open(that.path, that.flags, that.mode, function (err, fd) {
      if (err) {
        that.destroy()
        that.emit('error', err)
      } else {
        that.fd = fd
        that.emit('open', fd)
      }
    })
  }

  function createReadStream (path, options) {
    return new fs.ReadStream(path, options)
  }

  function createWriteStream (path, options) {
    return new fs.WriteStream(path, options)
  }

  var fs$open = fs.open
  fs.open = open
  function open (path, flags, mode, cb) {
    if (typeof mode === 'function')
      cb = mode, mode = null

    return go$open(path, flags, mode, cb)

    function go$open (path, flags, mode, cb, startTime) {
      return fs$open(path, flags, mode, function (err, fd) {
        if (err && (err.code === 'EMFILE' || err.code === 'ENFILE'))
          enqueue([go$open, [path, flags, mode, cb], err, startTime || Date.now(), Date.now()])
        else {
          if (typeof cb === 'function')
            cb.apply(this, arguments)
        }
      })
    }
  }

  return fs
}

function enqueue (elem) {
  debug('ENQUEUE', elem[0].name, elem[1])
  fs[gracefulQueue].push(elem)
  retry()
}

// keep track of the timeout between retry() calls
var retryTimer

// reset the startTime and lastTime to now
// this resets the start of the 60 second overall timeout as well as the
// delay between attempts so that we'll retry these jobs sooner
function resetQueue () {
  var now = Date.now()
  for (var i = 0; i < fs[gracefulQueue].length; ++i) {
    // entries that are only a length of 2 are from an older version, don't
    // bother modifying those since they'll be retried anyway.
    if (fs[gracefulQueue][i].length > 2) {
      fs[gracefulQueue][i][3] = now // startTime
      fs[gracefulQueue][i][4] = now // lastTime
    }
  }
  // call retry to make sure we're actively processing the queue
  retry()
}

function retry () {
  // clear the timer and remove it to help prevent unintended concurrency
  clearTimeout(retryTimer)
  retryTimer = undefined

  if (fs[gracefulQueue].length === 0)
    return

  var elem = fs[gracefulQueue].shift()
  var fn = elem[0]
  var args = elem[1]
  // these items may be unset if they were added by an older graceful-fs
  var err = elem[2]
  var startTime = elem[3]
  var lastTime = elem[4]

  // if we don't have a startTime we have no way of knowing if we've waited
  // long enough, so go ahead and retry this item now
  if (startTime === undefined) {
    debug('RETRY', fn.name, args)
    fn.apply(null, args)
  } else if (Date.now() - startTime >= 60000) {
    // it's been more than 60 seconds total, bail now
    debug('TIMEOUT', fn.name, args)
    var cb = args.pop()
    if (typeof cb === 'function')
      cb.call(null, err)
  } else {
    // the amount of time between the last attempt and right now
    var sinceAttempt = Date.now() - lastTime
    // the amount of time between when we first tried, and when we last tried
    // rounded up to at least 1
    var sinceStart = Math.max(lastTime - startTime, 1)
    // backoff. wait longer than the total time we've been retrying, but only
    // up to a maximum of 100ms
    var desiredDelay = Math.min(sinceStart * 1.2, 100)
    // it's been long enough since the last retry, do it again
    if (sinceAttempt >= desiredDelay) {
      debug('RETRY', fn.name, args)
      fn.apply(null, args.concat([startTime]))
    } else {
      // if we can't do this job yet, push it to the end of the queue
      // and let the next iteration check again
      fs[gracefulQueue].push(elem)
    }
  }

  // schedule our next run if one isn't already scheduled
  if (retryTimer === undefined) {
    retryTimer = setTimeout(retry, 0)
  }
}


/***/ }),

/***/ 2270:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var Stream = (__nccwpck_require__(2203).Stream)

module.exports = legacy

function legacy (fs) {
  return {
    ReadStream: ReadStream,
    WriteStream: WriteStream
  }

  function ReadStream (path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);

    Stream.call(this);

    var self = this;

    this.path = path;
    this.fd = null;
    this.readable = true;
    this.paused = false;

    this.flags = 'r';
    this.mode = 438; /*=0666*/
    this.bufferSize = 64 * 1024;

    options = options || {};

    // Mixin options into this
    var keys = Object.keys(options);
    for (var index = 0, length = keys.length; index < length; index++) {
      var key = keys[index];
      this[key] = options[key];
    }

    if (this.encoding) this.setEncoding(this.encoding);

    if (this.start !== undefined) {
      if ('number' !== typeof this.start) {
        throw TypeError('start must be a Number');
      }
      if (this.end === undefined) {
        this.end = Infinity;
      } else if ('number' !== typeof this.end) {
        throw TypeError('end must be a Number');
      }

      if (this.start > this.end) {
        throw new Error('start must be <= end');
      }

      this.pos = this.start;
    }

    if (this.fd !== null) {
      process.nextTick(function() {
        self._read();
      });
      return;
    }

    fs.open(this.path, this.flags, this.mode, function (err, fd) {
      if (err) {
        self.emit('error', err);
        self.readable = false;
        return;
      }

      self.fd = fd;
      self.emit('open', fd);
      self._read();
    })
  }

  function WriteStream (path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);

    Stream.call(this);

    this.path = path;
    this.fd = null;
    this.writable = true;

    this.flags = 'w';
    this.encoding = 'binary';
    this.mode = 438; /*=0666*/
    this.bytesWritten = 0;

    options = options || {};

    // Mixin options into this
    var keys = Object.keys(options);
    for (var index = 0, length = keys.length; index < length; index++) {
      var key = keys[index];
      this[key] = options[key];
    }

    if (this.start !== undefined) {
      if ('number' !== typeof this.start) {
        throw TypeError('start must be a Number');
      }
      if (this.start < 0) {
        throw new Error('start must be >= zero');
      }

      this.pos = this.start;
    }

    this.busy = false;
    this._queue = [];

    if (this.fd === null) {
      this._open = fs.open;
      this._queue.push([this._open, this.path, this.flags, this.mode, undefined]);
      this.flush();
    }
  }
}


/***/ }),

/***/ 3501:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var constants = __nccwpck_require__(9140)

var origCwd = process.cwd
var cwd = null

var platform = process.env.GRACEFUL_FS_PLATFORM || process.platform

process.cwd = function() {
  if (!cwd)
    cwd = origCwd.call(process)
  return cwd
}
try {
  process.cwd()
} catch (er) {}

// This check is needed until node.js 12 is required
if (typeof process.chdir === 'function') {
  var chdir = process.chdir
  process.chdir = function (d) {
    cwd = null
    chdir.call(process, d)
  }
  if (Object.setPrototypeOf) Object.setPrototypeOf(process.chdir, chdir)
}

module.exports = patch

function patch (fs) {
  // (re-)implement some things that are known busted or missing.

  // lchmod, broken prior to 0.6.2
  // back-port the fix here.
  if (constants.hasOwnProperty('O_SYMLINK') &&
      process.version.match(/^v0\.6\.[0-2]|^v0\.5\./)) {
    patchLchmod(fs)
  }

  // lutimes implementation, or no-op
  if (!fs.lutimes) {
    patchLutimes(fs)
  }

  // https://github.com/isaacs/node-graceful-fs/issues/4
  // Chown should not fail on einval or eperm if non-root.
  // It should not fail on enosys ever, as this just indicates
  // that a fs doesn't support the intended operation.

  fs.chown = chownFix(fs.chown)
  fs.fchown = chownFix(fs.fchown)
  fs.lchown = chownFix(fs.lchown)

  fs.chmod = chmodFix(fs.chmod)
  fs.fchmod = chmodFix(fs.fchmod)
  fs.lchmod = chmodFix(fs.lchmod)

  fs.chownSync = chownFixSync(fs.chownSync)
  fs.fchownSync = chownFixSync(fs.fchownSync)
  fs.lchownSync = chownFixSync(fs.lchownSync)

  fs.chmodSync = chmodFixSync(fs.chmodSync)
  fs.fchmodSync = chmodFixSync(fs.fchmodSync)
  fs.lchmodSync = chmodFixSync(fs.lchmodSync)

  fs.stat = statFix(fs.stat)
  fs.fstat = statFix(fs.fstat)
  fs.lstat = statFix(fs.lstat)

  fs.statSync = statFixSync(fs.statSync)
  fs.fstatSync = statFixSync(fs.fstatSync)
  fs.lstatSync = statFixSync(fs.lstatSync)

  // if lchmod/lchown do not exist, then make them no-ops
  if (fs.chmod && !fs.lchmod) {
    fs.lchmod = function (path, mode, cb) {
      if (cb) process.nextTick(cb)
    }
    fs.lchmodSync = function () {}
  }
  if (fs.chown && !fs.lchown) {
    fs.lchown = function (path, uid, gid, cb) {
      if (cb) process.nextTick(cb)
    }
    fs.lchownSync = function () {}
  }

  // on Windows, A/V software can lock the directory, causing this
  // to fail with an EACCES or EPERM if the directory contains newly
  // created files.  Try again on failure, for up to 60 seconds.

  // Set the timeout this long because some Windows Anti-Virus, such as Parity
  // bit9, may lock files for up to a minute, causing npm package install
  // failures. Also, take care to yield the scheduler. Windows scheduling gives
  // CPU to a busy looping process, which can cause the program causing the lock
  // contention to be starved of CPU by node, so the contention doesn't resolve.
  if (platform === "win32") {
    fs.rename = typeof fs.rename !== 'function' ? fs.rename
    : (function (fs$rename) {
      function rename (from, to, cb) {
        var start = Date.now()
        var backoff = 0;
        fs$rename(from, to, function CB (er) {
          if (er
              && (er.code === "EACCES" || er.code === "EPERM" || er.code === "EBUSY")
              && Date.now() - start < 60000) {
            setTimeout(function() {
              fs.stat(to, function (stater, st) {
                if (stater && stater.code === "ENOENT")
                  fs$rename(from, to, CB);
                else
                  cb(er)
              })
            }, backoff)
            if (backoff < 100)
              backoff += 10;
            return;
          }
          if (cb) cb(er)
        })
      }
      if (Object.setPrototypeOf) Object.setPrototypeOf(rename, fs$rename)
      return rename
    })(fs.rename)
  }

  // if read() returns EAGAIN, then just try it again.
  fs.read = typeof fs.read !== 'function' ? fs.read
  : (function (fs$read) {
    function read (fd, buffer, offset, length, position, callback_) {
      var callback
      if (callback_ && typeof callback_ === 'function') {
        var eagCounter = 0
        callback = function (er, _, __) {
          if (er && er.code === 'EAGAIN' && eagCounter < 10) {
            eagCounter ++
            return fs$read.call(fs, fd, buffer, offset, length, position, callback)
          }
          callback_.apply(this, arguments)
        }
      }
      return fs$read.call(fs, fd, buffer, offset, length, position, callback)
    }

    // This ensures `util.promisify` works as it does for native `fs.read`.
    if (Object.setPrototypeOf) Object.setPrototypeOf(read, fs$read)
    return read
  })(fs.read)

  fs.readSync = typeof fs.readSync !== 'function' ? fs.readSync
  : (function (fs$readSync) { return function (fd, buffer, offset, length, position) {
    var eagCounter = 0
    while (true) {
      try {
        return fs$readSync.call(fs, fd, buffer, offset, length, position)
      } catch (er) {
        if (er.code === 'EAGAIN' && eagCounter < 10) {
          eagCounter ++
          continue
        }
        throw er
      }
    }
  }})(fs.readSync)

  function patchLchmod (fs) {
    fs.lchmod = function (path, mode, callback) {
      fs.open( path
             , constants.O_WRONLY | constants.O_SYMLINK
             , mode
             , function (err, fd) {
        if (err) {
          if (callback) callback(err)
          return
        }
        // prefer to return the chmod error, if one occurs,
        // but still try to close, and report closing errors if they occur.
        fs.fchmod(fd, mode, function (err) {
          fs.close(fd, function(err2) {
            if (callback) callback(err || err2)
          })
        })
      })
    }

    fs.lchmodSync = function (path, mode) {
      var fd = fs.openSync(path, constants.O_WRONLY | constants.O_SYMLINK, mode)

      // prefer to return the chmod error, if one occurs,
      // but still try to close, and report closing errors if they occur.
      var threw = true
      var ret
      try {
        ret = fs.fchmodSync(fd, mode)
        threw = false
      } finally {
        if (threw) {
          try {
            fs.closeSync(fd)
          } catch (er) {}
        } else {
          fs.closeSync(fd)
        }
      }
      return ret
    }
  }

  function patchLutimes (fs) {
    if (constants.hasOwnProperty("O_SYMLINK") && fs.futimes) {
      fs.lutimes = function (path, at, mt, cb) {
        fs.open(path, constants.O_SYMLINK, function (er, fd) {
          if (er) {
            if (cb) cb(er)
            return
          }
          fs.futimes(fd, at, mt, function (er) {
            fs.close(fd, function (er2) {
              if (cb) cb(er || er2)
            })
          })
        })
      }

      fs.lutimesSync = function (path, at, mt) {
        var fd = fs.openSync(path, constants.O_SYMLINK)
        var ret
        var threw = true
        try {
          ret = fs.futimesSync(fd, at, mt)
          threw = false
        } finally {
          if (threw) {
            try {
              fs.closeSync(fd)
            } catch (er) {}
          } else {
            fs.closeSync(fd)
          }
        }
        return ret
      }

    } else if (fs.futimes) {
      fs.lutimes = function (_a, _b, _c, cb) { if (cb) process.nextTick(cb) }
      fs.lutimesSync = function () {}
    }
  }

  function chmodFix (orig) {
    if (!orig) return orig
    return function (target, mode, cb) {
      return orig.call(fs, target, mode, function (er) {
        if (chownErOk(er)) er = null
        if (cb) cb.apply(this, arguments)
      })
    }
  }

  function chmodFixSync (orig) {
    if (!orig) return orig
    return function (target, mode) {
      try {
        return orig.call(fs, target, mode)
      } catch (er) {
        if (!chownErOk(er)) throw er
      }
    }
  }


  function chownFix (orig) {
    if (!orig) return orig
    return function (target, uid, gid, cb) {
      return orig.call(fs, target, uid, gid, function (er) {
        if (chownErOk(er)) er = null
        if (cb) cb.apply(this, arguments)
      })
    }
  }

  function chownFixSync (orig) {
    if (!orig) return orig
    return function (target, uid, gid) {
      try {
        return orig.call(fs, target, uid, gid)
      } catch (er) {
        if (!chownErOk(er)) throw er
      }
    }
  }

  function statFix (orig) {
    if (!orig) return orig
    // Older versions of Node erroneously returned signed integers for
    // uid + gid.
    return function (target, options, cb) {
      if (typeof options === 'function') {
        cb = options
        options = null
      }
      function callback (er, stats) {
        if (stats) {
          if (stats.uid < 0) stats.uid += 0x100000000
          if (stats.gid < 0) stats.gid += 0x100000000
        }
        if (cb) cb.apply(this, arguments)
      }
      return options ? orig.call(fs, target, options, callback)
        : orig.call(fs, target, callback)
    }
  }

  function statFixSync (orig) {
    if (!orig) return orig
    // Older versions of Node erroneously returned signed integers for
    // uid + gid.
    return function (target, options) {
      var stats = options ? orig.call(fs, target, options)
        : orig.call(fs, target)
      if (stats) {
        if (stats.uid < 0) stats.uid += 0x100000000
        if (stats.gid < 0) stats.gid += 0x100000000
      }
      return stats;
    }
  }

  // ENOSYS means that the fs doesn't support the op. Just ignore
  // that, because it doesn't matter.
  //
  // if there's no getuid, or if getuid() is something other
  // than 0, and the error is EINVAL or EPERM, then just ignore
  // it.
  //
  // This specific case is a silent failure in cp, install, tar,
  // and most other unix tools that manage permissions.
  //
  // When running as root, or if other types of errors are
  // encountered, then it's strict.
  function chownErOk (er) {
    if (!er)
      return true

    if (er.code === "ENOSYS")
      return true

    var nonroot = !process.getuid || process.getuid() !== 0
    if (nonroot) {
      if (er.code === "EINVAL" || er.code === "EPERM")
        return true
    }

    return false
  }
}


/***/ }),

/***/ 3648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const lockfile = __nccwpck_require__(743);
const { toPromise, toSync, toSyncOptions } = __nccwpck_require__(3271);

async function lock(file, options) {
    const release = await toPromise(lockfile.lock)(file, options);

    return toPromise(release);
}

function lockSync(file, options) {
    const release = toSync(lockfile.lock)(file, toSyncOptions(options));

    return toSync(release);
}

function unlock(file, options) {
    return toPromise(lockfile.unlock)(file, options);
}

function unlockSync(file, options) {
    return toSync(lockfile.unlock)(file, toSyncOptions(options));
}

function check(file, options) {
    return toPromise(lockfile.check)(file, options);
}

function checkSync(file, options) {
    return toSync(lockfile.check)(file, toSyncOptions(options));
}

module.exports = lock;
module.exports.lock = lock;
module.exports.unlock = unlock;
module.exports.lockSync = lockSync;
module.exports.unlockSync = unlockSync;
module.exports.check = check;
module.exports.checkSync = checkSync;


/***/ }),

/***/ 3271:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const fs = __nccwpck_require__(5744);

function createSyncFs(fs) {
    const methods = ['mkdir', 'realpath', 'stat', 'rmdir', 'utimes'];
    const newFs = { ...fs };

    methods.forEach((method) => {
        newFs[method] = (...args) => {
            const callback = args.pop();
            let ret;

            try {
                ret = fs[`${method}Sync`](...args);
            } catch (err) {
                return callback(err);
            }

            callback(null, ret);
        };
    });

    return newFs;
}

// ----------------------------------------------------------

function toPromise(method) {
    return (...args) => new Promise((resolve, reject) => {
        args.push((err, result) => {
            if (err) {
                reject(err);
            } else {
                resolve(result);
            }
        });

        method(...args);
    });
}

function toSync(method) {
    return (...args) => {
        let err;
        let result;

        args.push((_err, _result) => {
            err = _err;
            result = _result;
        });

        method(...args);

        if (err) {
            throw err;
        }

        return result;
    };
}

function toSyncOptions(options) {
    // Shallow clone options because we are oging to mutate them
    options = { ...options };

    // Transform fs to use the sync methods instead
    options.fs = createSyncFs(options.fs || fs);

    // Retries are not allowed because it requires the flow to be sync
    if (
        (typeof options.retries === 'number' && options.retries > 0) ||
        (options.retries && typeof options.retries.retries === 'number' && options.retries.retries > 0)
    ) {
        throw Object.assign(new Error('Cannot use retries with the sync api'), { code: 'ESYNC' });
    }

    return options;
}

module.exports = {
    toPromise,
    toSync,
    toSyncOptions,
};


/***/ }),

/***/ 743:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const path = __nccwpck_require__(6928);
const fs = __nccwpck_require__(5744);
const retry = __nccwpck_require__(5546);
const onExit = __nccwpck_require__(6627);
const mtimePrecision = __nccwpck_require__(4747);

const locks = {};

function getLockFile(file, options) {
    return options.lockfilePath || `${file}.lock`;
}

function resolveCanonicalPath(file, options, callback) {
    if (!options.realpath) {
        return callback(null, path.resolve(file));
    }

    // Use realpath to resolve symlinks
    // It also resolves relative paths
    options.fs.realpath(file, callback);
}

function acquireLock(file, options, callback) {
    const lockfilePath = getLockFile(file, options);

    // Use mkdir to create the lockfile (atomic operation)
    options.fs.mkdir(lockfilePath, (err) => {
        if (!err) {
            // At this point, we acquired the lock!
            // Probe the mtime precision
            return mtimePrecision.probe(lockfilePath, options.fs, (err, mtime, mtimePrecision) => {
                // If it failed, try to remove the lock..
                /* istanbul ignore if */
                if (err) {
                    options.fs.rmdir(lockfilePath, () => {});

                    return callback(err);
                }

                callback(null, mtime, mtimePrecision);
            });
        }

        // If error is not EEXIST then some other error occurred while locking
        if (err.code !== 'EEXIST') {
            return callback(err);
        }

        // Otherwise, check if lock is stale by analyzing the file mtime
        if (options.stale <= 0) {
            return callback(Object.assign(new Error('Lock file is already being held'), { code: 'ELOCKED', file }));
        }

        options.fs.stat(lockfilePath, (err, stat) => {
            if (err) {
                // Retry if the lockfile has been removed (meanwhile)
                // Skip stale check to avoid recursiveness
                if (err.code === 'ENOENT') {
                    return acquireLock(file, { ...options, stale: 0 }, callback);
                }

                return callback(err);
            }

            if (!isLockStale(stat, options)) {
                return callback(Object.assign(new Error('Lock file is already being held'), { code: 'ELOCKED', file }));
            }

            // If it's stale, remove it and try again!
            // Skip stale check to avoid recursiveness
            removeLock(file, options, (err) => {
                if (err) {
                    return callback(err);
                }

                acquireLock(file, { ...options, stale: 0 }, callback);
            });
        });
    });
}

function isLockStale(stat, options) {
    return stat.mtime.getTime() < Date.now() - options.stale;
}

function removeLock(file, options, callback) {
    // Remove lockfile, ignoring ENOENT errors
    options.fs.rmdir(getLockFile(file, options), (err) => {
        if (err && err.code !== 'ENOENT') {
            return callback(err);
        }

        callback();
    });
}

function updateLock(file, options) {
    const lock = locks[file];

    // Just for safety, should never happen
    /* istanbul ignore if */
    if (lock.updateTimeout) {
        return;
    }

    lock.updateDelay = lock.updateDelay || options.update;
    lock.updateTimeout = setTimeout(() => {
        lock.updateTimeout = null;

        // Stat the file to check if mtime is still ours
        // If it is, we can still recover from a system sleep or a busy event loop
        options.fs.stat(lock.lockfilePath, (err, stat) => {
            const isOverThreshold = lock.lastUpdate + options.stale < Date.now();

            // If it failed to update the lockfile, keep trying unless
            // the lockfile was deleted or we are over the threshold
            if (err) {
                if (err.code === 'ENOENT' || isOverThreshold) {
                    return setLockAsCompromised(file, lock, Object.assign(err, { code: 'ECOMPROMISED' }));
                }

                lock.updateDelay = 1000;

                return updateLock(file, options);
            }

            const isMtimeOurs = lock.mtime.getTime() === stat.mtime.getTime();

            if (!isMtimeOurs) {
                return setLockAsCompromised(
                    file,
                    lock,
                    Object.assign(
                        new Error('Unable to update lock within the stale threshold'),
                        { code: 'ECOMPROMISED' }
                    ));
            }

            const mtime = mtimePrecision.getMtime(lock.mtimePrecision);

            options.fs.utimes(lock.lockfilePath, mtime, mtime, (err) => {
                const isOverThreshold = lock.lastUpdate + options.stale < Date.now();

                // Ignore if the lock was released
                if (lock.released) {
                    return;
                }

                // If it failed to update the lockfile, keep trying unless
                // the lockfile was deleted or we are over the threshold
                if (err) {
                    if (err.code === 'ENOENT' || isOverThreshold) {
                        return setLockAsCompromised(file, lock, Object.assign(err, { code: 'ECOMPROMISED' }));
                    }

                    lock.updateDelay = 1000;

                    return updateLock(file, options);
                }

                // All ok, keep updating..
                lock.mtime = mtime;
                lock.lastUpdate = Date.now();
                lock.updateDelay = null;
                updateLock(file, options);
            });
        });
    }, lock.updateDelay);

    // Unref the timer so that the nodejs process can exit freely
    // This is safe because all acquired locks will be automatically released
    // on process exit

    // We first check that `lock.updateTimeout.unref` exists because some users
    // may be using this module outside of NodeJS (e.g., in an electron app),
    // and in those cases `setTimeout` return an integer.
    /* istanbul ignore else */
    if (lock.updateTimeout.unref) {
        lock.updateTimeout.unref();
    }
}

function setLockAsCompromised(file, lock, err) {
    // Signal the lock has been released
    lock.released = true;

    // Cancel lock mtime update
    // Just for safety, at this point updateTimeout should be null
    /* istanbul ignore if */
    if (lock.updateTimeout) {
        clearTimeout(lock.updateTimeout);
    }

    if (locks[file] === lock) {
        delete locks[file];
    }

    lock.options.onCompromised(err);
}

// ----------------------------------------------------------

function lock(file, options, callback) {
    /* istanbul ignore next */
    options = {
        stale: 10000,
        update: null,
        realpath: true,
        retries: 0,
        fs,
        onCompromised: (err) => { throw err; },
        ...options,
    };

    options.retries = options.retries || 0;
    options.retries = typeof options.retries === 'number' ? { retries: options.retries } : options.retries;
    options.stale = Math.max(options.stale || 0, 2000);
    options.update = options.update == null ? options.stale / 2 : options.update || 0;
    options.update = Math.max(Math.min(options.update, options.stale / 2), 1000);

    // Resolve to a canonical file path
    resolveCanonicalPath(file, options, (err, file) => {
        if (err) {
            return callback(err);
        }

        // Attempt to acquire the lock
        const operation = retry.operation(options.retries);

        operation.attempt(() => {
            acquireLock(file, options, (err, mtime, mtimePrecision) => {
                if (operation.retry(err)) {
                    return;
                }

                if (err) {
                    return callback(operation.mainError());
                }

                // We now own the lock
                const lock = locks[file] = {
                    lockfilePath: getLockFile(file, options),
                    mtime,
                    mtimePrecision,
                    options,
                    lastUpdate: Date.now(),
                };

                // We must keep the lock fresh to avoid staleness
                updateLock(file, options);

                callback(null, (releasedCallback) => {
                    if (lock.released) {
                        return releasedCallback &&
                            releasedCallback(Object.assign(new Error('Lock is already released'), { code: 'ERELEASED' }));
                    }

                    // Not necessary to use realpath twice when unlocking
                    unlock(file, { ...options, realpath: false }, releasedCallback);
                });
            });
        });
    });
}

function unlock(file, options, callback) {
    options = {
        fs,
        realpath: true,
        ...options,
    };

    // Resolve to a canonical file path
    resolveCanonicalPath(file, options, (err, file) => {
        if (err) {
            return callback(err);
        }

        // Skip if the lock is not acquired
        const lock = locks[file];

        if (!lock) {
            return callback(Object.assign(new Error('Lock is not acquired/owned by you'), { code: 'ENOTACQUIRED' }));
        }

        lock.updateTimeout && clearTimeout(lock.updateTimeout); // Cancel lock mtime update
        lock.released = true; // Signal the lock has been released
        delete locks[file]; // Delete from locks

        removeLock(file, options, callback);
    });
}

function check(file, options, callback) {
    options = {
        stale: 10000,
        realpath: true,
        fs,
        ...options,
    };

    options.stale = Math.max(options.stale || 0, 2000);

    // Resolve to a canonical file path
    resolveCanonicalPath(file, options, (err, file) => {
        if (err) {
            return callback(err);
        }

        // Check if lockfile exists
        options.fs.stat(getLockFile(file, options), (err, stat) => {
            if (err) {
                // If does not exist, file is not locked. Otherwise, callback with error
                return err.code === 'ENOENT' ? callback(null, false) : callback(err);
            }

            // Otherwise, check if lock is stale by analyzing the file mtime
            return callback(null, !isLockStale(stat, options));
        });
    });
}

function getLocks() {
    return locks;
}

// Remove acquired locks on exit
/* istanbul ignore next */
onExit(() => {
    for (const file in locks) {
        const options = locks[file].options;

        try { options.fs.rmdirSync(getLockFile(file, options)); } catch (e) { /* Empty */ }
    }
});

module.exports.lock = lock;
module.exports.unlock = unlock;
module.exports.check = check;
module.exports.getLocks = getLocks;


/***/ }),

/***/ 4747:
/***/ ((module) => {



const cacheSymbol = Symbol();

function probe(file, fs, callback) {
    const cachedPrecision = fs[cacheSymbol];

    if (cachedPrecision) {
        return fs.stat(file, (err, stat) => {
            /* istanbul ignore if */
            if (err) {
                return callback(err);
            }

            callback(null, stat.mtime, cachedPrecision);
        });
    }

    // Set mtime by ceiling Date.now() to seconds + 5ms so that it's "not on the second"
    const mtime = new Date((Math.ceil(Date.now() / 1000) * 1000) + 5);

    fs.utimes(file, mtime, mtime, (err) => {
        /* istanbul ignore if */
        if (err) {
            return callback(err);
        }

        fs.stat(file, (err, stat) => {
            /* istanbul ignore if */
            if (err) {
                return callback(err);
            }

            const precision = stat.mtime.getTime() % 1000 === 0 ? 's' : 'ms';

            // Cache the precision in a non-enumerable way
            Object.defineProperty(fs, cacheSymbol, { value: precision });

            callback(null, stat.mtime, precision);
        });
    });
}

function getMtime(precision) {
    let now = Date.now();

    if (precision === 's') {
        now = Math.ceil(now / 1000) * 1000;
    }

    return new Date(now);
}

module.exports.probe = probe;
module.exports.getMtime = getMtime;


/***/ }),

/***/ 5546:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(7084);

/***/ }),

/***/ 7084:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var RetryOperation = __nccwpck_require__(9538);

exports.operation = function(options) {
  var timeouts = exports.timeouts(options);
  return new RetryOperation(timeouts, {
      forever: options && options.forever,
      unref: options && options.unref,
      maxRetryTime: options && options.maxRetryTime
  });
};

exports.timeouts = function(options) {
  if (options instanceof Array) {
    return [].concat(options);
  }

  var opts = {
    retries: 10,
    factor: 2,
    minTimeout: 1 * 1000,
    maxTimeout: Infinity,
    randomize: false
  };
  for (var key in options) {
    opts[key] = options[key];
  }

  if (opts.minTimeout > opts.maxTimeout) {
    throw new Error('minTimeout is greater than maxTimeout');
  }

  var timeouts = [];
  for (var i = 0; i < opts.retries; i++) {
    timeouts.push(this.createTimeout(i, opts));
  }

  if (options && options.forever && !timeouts.length) {
    timeouts.push(this.createTimeout(i, opts));
  }

  // sort the array numerically ascending
  timeouts.sort(function(a,b) {
    return a - b;
  });

  return timeouts;
};

exports.createTimeout = function(attempt, opts) {
  var random = (opts.randomize)
    ? (Math.random() + 1)
    : 1;

  var timeout = Math.round(random * opts.minTimeout * Math.pow(opts.factor, attempt));
  timeout = Math.min(timeout, opts.maxTimeout);

  return timeout;
};

exports.wrap = function(obj, options, methods) {
  if (options instanceof Array) {
    methods = options;
    options = null;
  }

  if (!methods) {
    methods = [];
    for (var key in obj) {
      if (typeof obj[key] === 'function') {
        methods.push(key);
      }
    }
  }

  for (var i = 0; i < methods.length; i++) {
    var method   = methods[i];
    var original = obj[method];

    obj[method] = function retryWrapper(original) {
      var op       = exports.operation(options);
      var args     = Array.prototype.slice.call(arguments, 1);
      var callback = args.pop();

      args.push(function(err) {
        if (op.retry(err)) {
          return;
        }
        if (err) {
          arguments[0] = op.mainError();
        }
        callback.apply(this, arguments);
      });

      op.attempt(function() {
        original.apply(obj, args);
      });
    }.bind(obj, original);
    obj[method].options = options;
  }
};


/***/ }),

/***/ 9538:
/***/ ((module) => {

function RetryOperation(timeouts, options) {
  // Compatibility for the old (timeouts, retryForever) signature
  if (typeof options === 'boolean') {
    options = { forever: options };
  }

  this._originalTimeouts = JSON.parse(JSON.stringify(timeouts));
  this._timeouts = timeouts;
  this._options = options || {};
  this._maxRetryTime = options && options.maxRetryTime || Infinity;
  this._fn = null;
  this._errors = [];
  this._attempts = 1;
  this._operationTimeout = null;
  this._operationTimeoutCb = null;
  this._timeout = null;
  this._operationStart = null;

  if (this._options.forever) {
    this._cachedTimeouts = this._timeouts.slice(0);
  }
}
module.exports = RetryOperation;

RetryOperation.prototype.reset = function() {
  this._attempts = 1;
  this._timeouts = this._originalTimeouts;
}

RetryOperation.prototype.stop = function() {
  if (this._timeout) {
    clearTimeout(this._timeout);
  }

  this._timeouts       = [];
  this._cachedTimeouts = null;
};

RetryOperation.prototype.retry = function(err) {
  if (this._timeout) {
    clearTimeout(this._timeout);
  }

  if (!err) {
    return false;
  }
  var currentTime = new Date().getTime();
  if (err && currentTime - this._operationStart >= this._maxRetryTime) {
    this._errors.unshift(new Error('RetryOperation timeout occurred'));
    return false;
  }

  this._errors.push(err);

  var timeout = this._timeouts.shift();
  if (timeout === undefined) {
    if (this._cachedTimeouts) {
      // retry forever, only keep last error
      this._errors.splice(this._errors.length - 1, this._errors.length);
      this._timeouts = this._cachedTimeouts.slice(0);
      timeout = this._timeouts.shift();
    } else {
      return false;
    }
  }

  var self = this;
  var timer = setTimeout(function() {
    self._attempts++;

    if (self._operationTimeoutCb) {
      self._timeout = setTimeout(function() {
        self._operationTimeoutCb(self._attempts);
      }, self._operationTimeout);

      if (self._options.unref) {
          self._timeout.unref();
      }
    }

    self._fn(self._attempts);
  }, timeout);

  if (this._options.unref) {
      timer.unref();
  }

  return true;
};

RetryOperation.prototype.attempt = function(fn, timeoutOps) {
  this._fn = fn;

  if (timeoutOps) {
    if (timeoutOps.timeout) {
      this._operationTimeout = timeoutOps.timeout;
    }
    if (timeoutOps.cb) {
      this._operationTimeoutCb = timeoutOps.cb;
    }
  }

  var self = this;
  if (this._operationTimeoutCb) {
    this._timeout = setTimeout(function() {
      self._operationTimeoutCb();
    }, self._operationTimeout);
  }

  this._operationStart = new Date().getTime();

  this._fn(this._attempts);
};

RetryOperation.prototype.try = function(fn) {
  console.log('Using RetryOperation.try() is deprecated');
  this.attempt(fn);
};

RetryOperation.prototype.start = function(fn) {
  console.log('Using RetryOperation.start() is deprecated');
  this.attempt(fn);
};

RetryOperation.prototype.start = RetryOperation.prototype.try;

RetryOperation.prototype.errors = function() {
  return this._errors;
};

RetryOperation.prototype.attempts = function() {
  return this._attempts;
};

RetryOperation.prototype.mainError = function() {
  if (this._errors.length === 0) {
    return null;
  }

  var counts = {};
  var mainError = null;
  var mainErrorCount = 0;

  for (var i = 0; i < this._errors.length; i++) {
    var error = this._errors[i];
    var message = error.message;
    var count = (counts[message] || 0) + 1;

    counts[message] = count;

    if (count >= mainErrorCount) {
      mainError = error;
      mainErrorCount = count;
    }
  }

  return mainError;
};


/***/ }),

/***/ 6627:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// Note: since nyc uses this module to output coverage, any lines
// that are in the direct sync flow of nyc's outputCoverage are
// ignored, since we can never get coverage for them.
// grab a reference to node's real process object right away
var process = global.process

const processOk = function (process) {
  return process &&
    typeof process === 'object' &&
    typeof process.removeListener === 'function' &&
    typeof process.emit === 'function' &&
    typeof process.reallyExit === 'function' &&
    typeof process.listeners === 'function' &&
    typeof process.kill === 'function' &&
    typeof process.pid === 'number' &&
    typeof process.on === 'function'
}

// some kind of non-node environment, just no-op
/* istanbul ignore if */
if (!processOk(process)) {
  module.exports = function () {
    return function () {}
  }
} else {
  var assert = __nccwpck_require__(2613)
  var signals = __nccwpck_require__(1430)
  var isWin = /^win/i.test(process.platform)

  var EE = __nccwpck_require__(4434)
  /* istanbul ignore if */
  if (typeof EE !== 'function') {
    EE = EE.EventEmitter
  }

  var emitter
  if (process.__signal_exit_emitter__) {
    emitter = process.__signal_exit_emitter__
  } else {
    emitter = process.__signal_exit_emitter__ = new EE()
    emitter.count = 0
    emitter.emitted = {}
  }

  // Because this emitter is a global, we have to check to see if a
  // previous version of this library failed to enable infinite listeners.
  // I know what you're about to say.  But literally everything about
  // signal-exit is a compromise with evil.  Get used to it.
  if (!emitter.infinite) {
    emitter.setMaxListeners(Infinity)
    emitter.infinite = true
  }

  module.exports = function (cb, opts) {
    /* istanbul ignore if */
    if (!processOk(global.process)) {
      return function () {}
    }
    assert.equal(typeof cb, 'function', 'a callback must be provided for exit handler')

    if (loaded === false) {
      load()
    }

    var ev = 'exit'
    if (opts && opts.alwaysLast) {
      ev = 'afterexit'
    }

    var remove = function () {
      emitter.removeListener(ev, cb)
      if (emitter.listeners('exit').length === 0 &&
          emitter.listeners('afterexit').length === 0) {
        unload()
      }
    }
    emitter.on(ev, cb)

    return remove
  }

  var unload = function unload () {
    if (!loaded || !processOk(global.process)) {
      return
    }
    loaded = false

    signals.forEach(function (sig) {
      try {
        process.removeListener(sig, sigListeners[sig])
      } catch (er) {}
    })
    process.emit = originalProcessEmit
    process.reallyExit = originalProcessReallyExit
    emitter.count -= 1
  }
  module.exports.unload = unload

  var emit = function emit (event, code, signal) {
    /* istanbul ignore if */
    if (emitter.emitted[event]) {
      return
    }
    emitter.emitted[event] = true
    emitter.emit(event, code, signal)
  }

  // { <signal>: <listener fn>, ... }
  var sigListeners = {}
  signals.forEach(function (sig) {
    sigListeners[sig] = function listener () {
      /* istanbul ignore if */
      if (!processOk(global.process)) {
        return
      }
      // If there are no other listeners, an exit is coming!
      // Simplest way: remove us and then re-send the signal.
      // We know that this will kill the process, so we can
      // safely emit now.
      var listeners = process.listeners(sig)
      if (listeners.length === emitter.count) {
        unload()
        emit('exit', null, sig)
        /* istanbul ignore next */
        emit('afterexit', null, sig)
        /* istanbul ignore next */
        if (isWin && sig === 'SIGHUP') {
          // "SIGHUP" throws an `ENOSYS` error on Windows,
          // so use a supported signal instead
          sig = 'SIGINT'
        }
        /* istanbul ignore next */
        process.kill(process.pid, sig)
      }
    }
  })

  module.exports.signals = function () {
    return signals
  }

  var loaded = false

  var load = function load () {
    if (loaded || !processOk(global.process)) {
      return
    }
    loaded = true

    // This is the number of onSignalExit's that are in play.
    // It's important so that we can count the correct number of
    // listeners on signals, and don't wait for the other one to
    // handle it instead of us.
    emitter.count += 1

    signals = signals.filter(function (sig) {
      try {
        process.on(sig, sigListeners[sig])
        return true
      } catch (er) {
        return false
      }
    })

    process.emit = processEmit
    process.reallyExit = processReallyExit
  }
  module.exports.load = load

  var originalProcessReallyExit = process.reallyExit
  var processReallyExit = function processReallyExit (code) {
    /* istanbul ignore if */
    if (!processOk(global.process)) {
      return
    }
    process.exitCode = code || /* istanbul ignore next */ 0
    emit('exit', process.exitCode, null)
    /* istanbul ignore next */
    emit('afterexit', process.exitCode, null)
    /* istanbul ignore next */
    originalProcessReallyExit.call(process, process.exitCode)
  }

  var originalProcessEmit = process.emit
  var processEmit = function processEmit (ev, arg) {
    if (ev === 'exit' && processOk(global.process)) {
      /* istanbul ignore else */
      if (arg !== undefined) {
        process.exitCode = arg
      }
      var ret = originalProcessEmit.apply(this, arguments)
      /* istanbul ignore next */
      emit('exit', process.exitCode, null)
      /* istanbul ignore next */
      emit('afterexit', process.exitCode, null)
      /* istanbul ignore next */
      return ret
    } else {
      return originalProcessEmit.apply(this, arguments)
    }
  }
}


/***/ }),

/***/ 1430:
/***/ ((module) => {

// This is not the set of all possible signals.
//
// It IS, however, the set of all signals that trigger
// an exit on either Linux or BSD systems.  Linux is a
// superset of the signal names supported on BSD, and
// the unknown signals just fail to register, so we can
// catch that easily enough.
//
// Don't bother with SIGKILL.  It's uncatchable, which
// means that we can't fire any callbacks anyway.
//
// If a user does happen to register a handler on a non-
// fatal signal like SIGWINCH or something, and then
// exit, it'll end up firing `process.emit('exit')`, so
// the handler will be fired anyway.
//
// SIGBUS, SIGFPE, SIGSEGV and SIGILL, when not raised
// artificially, inherently leave the process in a
// state from which it is not safe to try and enter JS
// listeners.
module.exports = [
  'SIGABRT',
  'SIGALRM',
  'SIGHUP',
  'SIGINT',
  'SIGTERM'
]

if (process.platform !== 'win32') {
  module.exports.push(
    'SIGVTALRM',
    'SIGXCPU',
    'SIGXFSZ',
    'SIGUSR2',
    'SIGTRAP',
    'SIGSYS',
    'SIGQUIT',
    'SIGIOT'
    // should detect profiler and enable/disable accordingly.
    // see #21
    // 'SIGPROF'
  )
}

if (process.platform === 'linux') {
  module.exports.push(
    'SIGIO',
    'SIGPOLL',
    'SIGPWR',
    'SIGSTKFLT',
    'SIGUNUSED'
  )
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 9140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 1268:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _hosts_cli_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5463);
/* harmony import */ var _hosts_cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7785);


process.exitCode = await (0,_hosts_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2), (opts) => new _hosts_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .CliHost */ .F(opts));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7785:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./build/bundle/errors.js
/**
 * An error the user can act on: bad input, bad data, a failed step. Hosts print it as one line
 * (an annotation on GitHub, a logged issue on Azure DevOps) and exit 1, never with a stack trace.
 */
class UserError extends Error {
    location;
    fix;
    constructor(message, location = {}, fix) {
        super(message);
        this.name = "UserError";
        this.location = location;
        this.fix = fix;
    }
    /** One line: where, what, and what to do. */
    describe() {
        const where = [];
        if (this.location.input)
            where.push(`input '${this.location.input}'`);
        if (this.location.file) {
            let pos = this.location.file;
            if (this.location.line !== undefined)
                pos += `:${this.location.line}`;
            if (this.location.column !== undefined)
                pos += `:${this.location.column}`;
            where.push(pos);
        }
        const prefix = where.length > 0 ? `${where.join(", ")}: ` : "";
        if (!this.fix)
            return `${prefix}${this.message}`;
        const fix = this.fix.endsWith(".") ? this.fix : `${this.fix}.`;
        return `${prefix}${this.message}. ${fix}`;
    }
}
/** A task that ran and reached a failing verdict (failed step, failed gate, rolled back). */
class TaskFailure extends Error {
    constructor(message) {
        super(message);
        this.name = "TaskFailure";
    }
}
function isUserFacing(error) {
    return error instanceof UserError || error instanceof TaskFailure;
}
function errorMessage(error) {
    if (error instanceof UserError)
        return error.describe();
    if (error instanceof Error)
        return error.message;
    return String(error);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: ./node_modules/proper-lockfile/index.js
var proper_lockfile = __nccwpck_require__(3648);
;// CONCATENATED MODULE: ./build/bundle/workspace/local/store.js





const SCHEMA_VERSION = 1;
/** Writes a file atomically: a temp name beside it, then rename, so readers never see half a file. */
async function writeAtomic(file, content) {
    await (0,promises_.mkdir)((0,external_node_path_namespaceObject.dirname)(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString("hex")}`;
    try {
        await (0,promises_.writeFile)(tmp, content);
        await (0,promises_.rename)(tmp, file);
    }
    catch (error) {
        await (0,promises_.rm)(tmp, { force: true });
        throw error;
    }
}
async function writeJson(file, value) {
    await writeAtomic(file, `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...value }, null, 2)}\n`);
}
async function readJson(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch (error) {
        if (error.code === "ENOENT")
            return undefined;
        throw error;
    }
    const value = JSON.parse(text);
    if (value.schemaVersion !== undefined && value.schemaVersion > SCHEMA_VERSION) {
        throw new Error(`${file} has schema version ${value.schemaVersion}; this mlops-action reads up to ${SCHEMA_VERSION}. Upgrade mlops-action.`);
    }
    return value;
}
async function listDir(dir) {
    try {
        return (await (0,promises_.readdir)(dir)).sort();
    }
    catch (error) {
        if (error.code === "ENOENT")
            return [];
        throw error;
    }
}
async function exists(path) {
    try {
        await (0,promises_.stat)(path);
        return true;
    }
    catch {
        return false;
    }
}
function sha256File(file) {
    return new Promise((resolve, reject) => {
        const hash = (0,external_node_crypto_namespaceObject.createHash)("sha256");
        (0,external_node_fs_namespaceObject.createReadStream)(file)
            .on("data", (chunk) => hash.update(chunk))
            .on("error", reject)
            .on("end", () => resolve(hash.digest("hex")));
    });
}
/**
 * The workspace lock. Two jobs on one runner share the folder: every metadata change happens
 * under this lock. proper-lockfile (mkdir-based, with stale-lock detection) is the well-kept
 * choice for a cross-process lock on a plain folder.
 */
async function withLock(root, fn) {
    await (0,promises_.mkdir)(root, { recursive: true });
    const release = await proper_lockfile.lock(root, {
        lockfilePath: (0,external_node_path_namespaceObject.join)(root, ".lock"),
        stale: 30_000,
        retries: { retries: 200, factor: 1.2, minTimeout: 20, maxTimeout: 500 },
    });
    try {
        return await fn();
    }
    finally {
        await release();
    }
}
/**
 * Stores a file in the content-addressed blob folder and returns its hash. Identical content is
 * stored once however many versions refer to it.
 */
async function putBlob(root, file, hash) {
    const digest = hash ?? (await sha256File(file));
    const target = blobPath(root, digest);
    if (!(await exists(target))) {
        const tmp = `${target}.tmp-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString("hex")}`;
        await (0,promises_.mkdir)((0,external_node_path_namespaceObject.dirname)(target), { recursive: true });
        await (0,promises_.copyFile)(file, tmp);
        await (0,promises_.rename)(tmp, target);
    }
    return digest;
}
function blobPath(root, digest) {
    return (0,external_node_path_namespaceObject.join)(root, "blobs", "sha256", digest.slice(0, 2), digest);
}
/** Places a blob at `target` (a hard link when the filesystem allows, else a copy). */
async function materialize(root, digest, target) {
    await (0,promises_.mkdir)((0,external_node_path_namespaceObject.dirname)(target), { recursive: true });
    try {
        await (0,promises_.link)(blobPath(root, digest), target);
    }
    catch {
        await (0,promises_.copyFile)(blobPath(root, digest), target);
    }
}
/** Next integer version after the existing ones ("1" when none). */
function nextVersion(existing) {
    let max = 0;
    for (const v of existing) {
        const n = Number.parseInt(v, 10);
        if (Number.isFinite(n) && n > max)
            max = n;
    }
    return String(max + 1);
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/artifacts.js



/** Small files kept beside the assets (profiles, summaries) under `artifacts/`. */
class LocalArtifacts {
    root;
    constructor(root) {
        this.root = root;
    }
    resolve(path) {
        const rel = (0,external_node_path_namespaceObject.normalize)(path).replace(/^(\.\.(\/|\\|$))+/, "");
        return (0,external_node_path_namespaceObject.join)(this.root, "artifacts", rel);
    }
    async write(path, content) {
        const file = this.resolve(path);
        await writeAtomic(file, content);
        return file;
    }
    async read(path) {
        try {
            return await (0,promises_.readFile)(this.resolve(path));
        }
        catch {
            return undefined;
        }
    }
    async append(path, line) {
        const file = this.resolve(path);
        await withLock(this.root, async () => {
            await (0,promises_.mkdir)((0,external_node_path_namespaceObject.dirname)(file), { recursive: true });
            await (0,promises_.appendFile)(file, line.endsWith("\n") ? line : `${line}\n`);
        });
        return file;
    }
}

;// CONCATENATED MODULE: ./build/bundle/data/fingerprint.js





async function walk(dir, out) {
    for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
        const full = (0,external_node_path_namespaceObject.join)(dir, entry.name);
        if (entry.isDirectory())
            await walk(full, out);
        else if (entry.isFile())
            out.push(full);
    }
}
/**
 * Fingerprints a file or folder: the hash of its sorted relative paths and file contents, so
 * the same data gives the same fingerprint wherever it is checked out, and a renamed or changed
 * file gives a new one.
 */
async function fingerprint(path, input = "path") {
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch {
        throw new UserError(`'${path}' does not exist`, { input }, "Give a file or folder that exists in the checkout");
    }
    const files = [];
    if (info.isDirectory())
        await walk(path, files);
    else
        files.push(path);
    if (files.length === 0) {
        throw new UserError(`folder '${path}' holds no files`, { input }, "Point it at a folder with data files");
    }
    const entries = [];
    // Hash a few files at a time: enough to overlap I/O without opening thousands at once.
    const queue = files.map((f) => f);
    const workers = Array.from({ length: Math.min(16, queue.length) }, async () => {
        for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
            const rel = info.isDirectory() ? (0,external_node_path_namespaceObject.relative)(path, f).split(external_node_path_namespaceObject.sep).join("/") : (0,external_node_path_namespaceObject.relative)((0,external_node_path_namespaceObject.join)(f, ".."), f);
            const size = (await (0,promises_.stat)(f)).size;
            entries.push({ path: rel, size, sha256: await sha256File(f) });
        }
    });
    await Promise.all(workers);
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const hash = (0,external_node_crypto_namespaceObject.createHash)("sha256");
    for (const e of entries)
        hash.update(`${e.path}\0${e.sha256}\n`);
    return {
        digest: hash.digest("hex"),
        files: entries,
        isFile: !info.isDirectory(),
        bytes: entries.reduce((n, e) => n + e.size, 0),
    };
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/datasets.js





/**
 * Versioned data assets in the local workspace: `datasets/<name>/<version>.json` holds the
 * metadata and file list; the files themselves are content-addressed blobs, laid out again
 * under `datasets/<name>/<version>/` (hard links) so readers see a plain folder.
 */
class LocalDatasets {
    root;
    constructor(root) {
        this.root = root;
    }
    dir(name) {
        return (0,external_node_path_namespaceObject.join)(this.root, "datasets", name);
    }
    async list(name) {
        const versions = (await listDir(this.dir(name)))
            .filter((f) => f.endsWith(".json"))
            .map((f) => f.slice(0, -5))
            .sort((a, b) => Number(a) - Number(b));
        const out = [];
        for (const v of versions) {
            const rec = await readJson((0,external_node_path_namespaceObject.join)(this.dir(name), `${v}.json`));
            if (rec)
                out.push(rec);
        }
        return out;
    }
    async get(name, version) {
        if (version === "latest")
            return (await this.list(name)).at(-1);
        return readJson((0,external_node_path_namespaceObject.join)(this.dir(name), `${version}.json`));
    }
    async create(dataset, log) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dataset.source) || dataset.source.startsWith("azureml:")) {
            throw new UserError(`'${dataset.source}' is a remote URI; the local workspace registers local files only`, { input: "path" }, "Give a local path, or use backend: azureml for data already in Azure storage");
        }
        const fp = dataset.files
            ? { files: dataset.files, isFile: dataset.type === "uri_file" }
            : await fingerprint(dataset.source);
        const isFile = "isFile" in fp ? fp.isFile : dataset.type === "uri_file";
        // Blobs first (outside the lock: content-addressed, so concurrent writers agree).
        for (const f of fp.files) {
            const src = isFile ? dataset.source : (0,external_node_path_namespaceObject.join)(dataset.source, f.path);
            await putBlob(this.root, src, f.sha256);
            await (0,promises_.chmod)(blobPath(this.root, f.sha256), 0o444).catch(() => { });
        }
        return withLock(this.root, async () => {
            const existing = await this.list(dataset.name);
            const same = existing.find((d) => d.fingerprint === dataset.fingerprint);
            if (same && same === existing.at(-1))
                return same;
            const version = nextVersion(existing.map((d) => d.version));
            const dataDir = (0,external_node_path_namespaceObject.join)(this.dir(dataset.name), version);
            for (const f of fp.files)
                await materialize(this.root, f.sha256, (0,external_node_path_namespaceObject.join)(dataDir, f.path));
            const record = {
                name: dataset.name,
                version,
                type: dataset.type,
                uri: isFile ? (0,external_node_path_namespaceObject.join)(dataDir, fp.files[0].path) : dataDir,
                fingerprint: dataset.fingerprint,
                description: dataset.description,
                tags: dataset.tags,
                createdAt: new Date().toISOString(),
                files: fp.files,
                isFile,
            };
            await writeJson((0,external_node_path_namespaceObject.join)(this.dir(dataset.name), `${version}.json`), record);
            log.info(`Registered ${dataset.name}:${version} (${fp.files.length} file(s))`);
            return record;
        });
    }
    async localPath(dataset) {
        return dataset.uri;
    }
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./build/bundle/workspace/local/serving/process.js





let python;
/**
 * The Python that runs scoring servers: `MLOPS_PYTHON`, else `python3`, resolved once to the
 * real interpreter (so a pyenv shim is not in the way and the recorded pid is the server's).
 */
function resolvePython() {
    const wanted = process.env.MLOPS_PYTHON || "python3";
    python ??= new Promise((resolve, reject) => {
        (0,external_node_child_process_namespaceObject.execFile)(wanted, ["-c", "import sys; print(sys.executable)"], { timeout: 30_000 }, (error, stdout) => {
            const exe = stdout.trim();
            if (error || !exe) {
                python = undefined;
                reject(new UserError(`cannot run '${wanted}' (${error?.message.split("\n")[0] ?? "no sys.executable"})`, {}, "Install Python 3, or set MLOPS_PYTHON to a Python 3 interpreter"));
            }
            else
                resolve(exe);
        });
    });
    return python;
}
function isAlive(pid) {
    if (!pid)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === "EPERM";
    }
}
/**
 * Whether `pid` is still the server we started (its command line names our script), so a pid
 * the system reused for another program is never signalled. Where /proc is missing (macOS),
 * liveness is the best available answer.
 */
async function isOurs(pid, marker) {
    if (!pid || !isAlive(pid))
        return false;
    try {
        return (await (0,promises_.readFile)(`/proc/${pid}/cmdline`, "utf8")).includes(marker);
    }
    catch (error) {
        if (error.code === "ENOENT" && !(await procMounted()))
            return true;
        return false;
    }
}
async function procMounted() {
    try {
        await (0,promises_.readFile)("/proc/self/cmdline");
        return true;
    }
    catch {
        return false;
    }
}
/** One HTTP request to 127.0.0.1 with a bounded wait; rejects on connection errors. */
function request(port, path, options = {}) {
    return new Promise((resolve, reject) => {
        const body = options.body === undefined ? undefined : Buffer.from(options.body);
        const req = external_node_http_namespaceObject.request({
            host: "127.0.0.1",
            port,
            path,
            method: options.method ?? (body ? "POST" : "GET"),
            headers: {
                ...(body ? { "content-type": "application/json", "content-length": body.length } : {}),
                ...options.headers,
            },
            agent: false,
        }, (res) => {
            const chunks = [];
            res.on("data", (c) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
            res.on("error", reject);
        });
        req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 30_000} ms`)));
        req.on("error", reject);
        req.end(body);
    });
}
/** Health of a server we started: alive, answering /health, and the one we think it is. */
async function checkHealth(server, identity) {
    if (!server?.pid || !server.port)
        return "never started";
    if (!isAlive(server.pid))
        return `process ${server.pid} is gone`;
    try {
        const answer = await request(server.port, "/health", { timeoutMs: 3_000 });
        if (answer.status !== 200)
            return `health check on 127.0.0.1:${server.port} answered ${answer.status}`;
        const body = JSON.parse(answer.body);
        // A reused port or pid must not pass for ours.
        if (body.pid !== server.pid || !identity(body))
            return `127.0.0.1:${server.port} is answered by another process`;
        return undefined;
    }
    catch (error) {
        return `health check on 127.0.0.1:${server.port} failed: ${error.message}`;
    }
}
/** The last lines of a log, for failure messages. */
async function logTail(file, lines = 20) {
    try {
        const text = (await (0,promises_.readFile)(file, "utf8")).trimEnd();
        return text.split("\n").slice(-lines).join("\n");
    }
    catch {
        return "(no log)";
    }
}
/**
 * Starts a detached background server (its own process group, output to a log file) and waits
 * until it listens and answers /health. The server chooses a free port and reports it through
 * the port file, so there is no window in which another process can take the port. On an early
 * exit or a timeout, the error carries the tail of the server's log.
 */
async function startServer(options) {
    await (0,promises_.rm)(options.portFile, { force: true });
    const fd = (0,external_node_fs_namespaceObject.openSync)(options.logFile, "a");
    let exited;
    let child;
    try {
        child = (0,external_node_child_process_namespaceObject.spawn)(options.command, options.args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            detached: true,
            stdio: ["ignore", fd, fd],
        });
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    child.on("error", (error) => {
        exited = error.message;
    });
    child.on("exit", (code, signal) => {
        exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    });
    child.unref();
    const pid = child.pid;
    const deadline = Date.now() + options.timeoutMs;
    const fail = async (why) => {
        if (pid && isAlive(pid))
            await stopServer(pid);
        const tail = await logTail(options.logFile);
        throw new Error(`${options.what} ${why}. Last lines of ${options.logFile}:\n${tail}`);
    };
    if (!pid)
        return fail("could not be started");
    let port;
    for (let wait = 20;; wait = Math.min(wait * 1.5, 250)) {
        if (exited)
            return fail(exited);
        if (options.signal?.aborted)
            return fail("start was cancelled");
        if (Date.now() > deadline)
            return fail(`did not become healthy within ${Math.round(options.timeoutMs / 1000)} s`);
        if (port === undefined) {
            try {
                port = JSON.parse(await (0,promises_.readFile)(options.portFile, "utf8")).port;
            }
            catch {
                // not listening yet
            }
        }
        if (port !== undefined && (await checkHealth({ pid, port }, options.identity)) === undefined)
            return { pid, port };
        await new Promise((r) => setTimeout(r, wait));
    }
}
/** Stops a server and everything it started (its process group): TERM, then KILL after a grace period. */
async function stopServer(pid, graceMs = 5_000) {
    if (!pid || !isAlive(pid))
        return;
    const send = (signal) => {
        try {
            process.kill(-pid, signal);
        }
        catch {
            try {
                process.kill(pid, signal);
            }
            catch {
                // already gone
            }
        }
    };
    send("SIGTERM");
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
    if (isAlive(pid)) {
        send("SIGKILL");
        const hard = Date.now() + 2_000;
        while (isAlive(pid) && Date.now() < hard)
            await new Promise((r) => setTimeout(r, 25));
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/serving/router.js
/**
 * The local endpoint's router: a small Node HTTP server on 127.0.0.1 that splits scoring
 * requests between deployments by the endpoint's traffic map, and sends a request carrying the
 * `azureml-model-deployment` header to that deployment directly, as Azure ML's endpoints do.
 * It reads the map from the endpoint's JSON record whenever the file changes, so a traffic
 * change is in force for the very next request. Shipped as a string (run with
 * `process.execPath`) so the dist/ bundles need no extra files.
 */
const ROUTER_FILE = "router.mjs";
const ROUTER_REVISION = 1;
const ROUTER_JS = `// Written by mlops-action: the local endpoint router (revision ${ROUTER_REVISION}). Do not edit.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";

const [stateFile, portFile, preferred] = process.argv.slice(2);
const HEADER = "azureml-model-deployment";
let seen = "";
let state = { name: "?", traffic: {}, deployments: {} };
let weights = [];
let current = new Map();

function reload() {
  let st;
  try {
    st = statSync(stateFile);
  } catch {
    return;
  }
  const key = st.mtimeMs + ":" + st.size + ":" + st.ino;
  if (key === seen) return;
  try {
    state = JSON.parse(readFileSync(stateFile, "utf8"));
    seen = key;
  } catch {
    return; // replaced mid-read: the next request reads it again
  }
  const next = Object.entries(state.traffic ?? {}).filter(([, p]) => p > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  if (JSON.stringify(next) !== JSON.stringify(weights)) {
    weights = next;
    current = new Map(next.map(([d]) => [d, 0]));
  }
}

// Smooth weighted round robin: exact shares over every window of 100 requests, no randomness.
function pick() {
  if (weights.length === 0) return undefined;
  let total = 0;
  let best;
  for (const [d, w] of weights) {
    current.set(d, current.get(d) + w);
    total += w;
    if (best === undefined || current.get(d) > current.get(best)) best = d;
  }
  current.set(best, current.get(best) - total);
  return best;
}

function reply(res, status, value, deployment) {
  const body = JSON.stringify(value);
  const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
  if (deployment) headers[HEADER] = deployment;
  res.writeHead(status, headers);
  res.end(body);
}

const server = http.createServer((req, res) => {
  reload();
  if (req.method === "GET" && (req.url === "/health" || req.url === "/")) {
    reply(res, 200, { status: "Healthy", endpoint: state.name, pid: process.pid, traffic: state.traffic ?? {} });
    return;
  }
  const asked = req.headers[HEADER];
  const name = typeof asked === "string" && asked !== "" ? asked : pick();
  if (!name) {
    req.resume();
    reply(res, 503, { message: "endpoint " + state.name + " has no deployment with traffic; set traffic first" });
    return;
  }
  const dep = state.deployments?.[name];
  const port = dep?.status === "Succeeded" ? dep.server?.port : undefined;
  if (!port) {
    req.resume();
    reply(res, 404, { message: "endpoint " + state.name + " has no running deployment '" + name + "'" }, name);
    return;
  }
  const headers = { ...req.headers, host: "127.0.0.1:" + port };
  delete headers[HEADER];
  const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, { ...up.headers, [HEADER]: name });
    up.pipe(res);
  });
  upstream.setTimeout(60000, () => upstream.destroy(new Error("timed out after 60 s")));
  upstream.on("error", (error) => {
    if (res.headersSent) res.destroy();
    else reply(res, 502, { message: "deployment " + name + " did not answer: " + (error.code ?? error.message) }, name);
  });
  req.pipe(upstream);
});

function listen(port) {
  server.once("error", (error) => {
    if (port !== 0 && error.code === "EADDRINUSE") listen(0);
    else throw error;
  });
  server.listen(port, "127.0.0.1", () => {
    const tmp = portFile + ".tmp-" + process.pid;
    writeFileSync(tmp, JSON.stringify({ pid: process.pid, port: server.address().port }));
    renameSync(tmp, portFile);
    console.log(new Date().toISOString() + " router for " + state.name + " on 127.0.0.1:" + server.address().port);
  });
}

reload();
// Keep serving the previous scoring URI after a restart when its port is still free.
listen(Number(preferred) || 0);

// The router must not outlive its endpoint record (endpoint deleted, workspace folder removed).
setInterval(() => {
  if (!existsSync(stateFile)) {
    console.log(new Date().toISOString() + " exiting: " + stateFile + " is gone");
    process.exit(0);
  }
}, 2000).unref();
process.on("SIGTERM", () => process.exit(0));
`;

;// CONCATENATED MODULE: ./build/bundle/workspace/local/serving/score-server.js
/**
 * The scoring server every local deployment runs: a small Python HTTP server that loads the
 * user's score.py with the contract Azure ML uses (init() once, run(raw_data) per request,
 * AZUREML_MODEL_DIR pointing at the model folder). It ships as a string so the dist/ bundles
 * need no extra files; the backend writes it into the workspace before starting a deployment.
 * Python's standard library only: it must run wherever python3 does.
 */
const SCORE_SERVER_FILE = "score_server.py";
/** Bumped whenever the server text changes, so a workspace rewrites its copy. */
const SCORE_SERVER_REVISION = 1;
const SCORE_SERVER_PY = `# Written by mlops-action: the local scoring server (revision ${SCORE_SERVER_REVISION}). Do not edit.
import argparse
import importlib.util
import json
import os
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def parse_args():
    p = argparse.ArgumentParser(description="mlops-action local scoring server")
    p.add_argument("--code-dir", required=True)
    p.add_argument("--script", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--watch", help="exit when this path disappears (the workspace was removed)")
    return p.parse_args()


def watch(path):
    # A deployment must not outlive its workspace folder (a deleted checkout or temp dir).
    while True:
        time.sleep(2)
        if not os.path.exists(path):
            print("exiting: " + path + " is gone", flush=True)
            os._exit(0)


def load_script(code_dir, script):
    # Azure ML imports the entry script with its code folder first on sys.path.
    sys.path.insert(0, code_dir)
    os.chdir(code_dir)
    spec = importlib.util.spec_from_file_location("score", os.path.join(code_dir, script))
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module
    spec.loader.exec_module(module)
    if not callable(getattr(module, "run", None)):
        raise RuntimeError(script + " defines no run(raw_data) function")
    return module


def write_port_file(path, port):
    tmp = path + ".tmp-" + str(os.getpid())
    with open(tmp, "w") as f:
        json.dump({"pid": os.getpid(), "port": port}, f)
    os.replace(tmp, path)


def main():
    args = parse_args()
    print("loading " + args.script + " from " + args.code_dir, flush=True)
    print("AZUREML_MODEL_DIR=" + os.environ.get("AZUREML_MODEL_DIR", ""), flush=True)
    try:
        module = load_script(args.code_dir, args.script)
        if callable(getattr(module, "init", None)):
            module.init()
    except BaseException:
        print("init failed:", file=sys.stderr, flush=True)
        traceback.print_exc()
        sys.stderr.flush()
        sys.exit(3)
    run = module.run
    # User scripts are rarely thread-safe: one run() at a time, as one worker would.
    run_lock = threading.Lock()
    name = args.name

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def send_json(self, status, value):
            body = json.dumps(value).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("azureml-model-deployment", name)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path in ("/", "/health"):
                self.send_json(200, {"status": "Healthy", "deployment": name, "pid": os.getpid()})
            else:
                self.send_json(404, {"message": "not found: " + self.path})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path != "/score":
                self.send_json(404, {"message": "not found: " + self.path})
                return
            try:
                data = raw.decode("utf-8")
            except UnicodeDecodeError:
                self.send_json(400, {"message": "request body is not UTF-8"})
                return
            try:
                with run_lock:
                    result = run(data)
                body = json.dumps(result)
            except BaseException as error:
                traceback.print_exc()
                sys.stderr.flush()
                self.send_json(500, {"message": "run() raised " + type(error).__name__ + ": " + str(error)})
                return
            encoded = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(encoded)))
            self.send_header("azureml-model-deployment", name)
            self.end_headers()
            self.wfile.write(encoded)

        def log_message(self, fmt, *a):
            sys.stdout.write("%s %s\\n" % (self.log_date_time_string(), fmt % a))
            sys.stdout.flush()

    if args.watch:
        threading.Thread(target=watch, args=(args.watch,), daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    write_port_file(args.port_file, server.server_address[1])
    print("serving " + name + " on 127.0.0.1:" + str(server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
`;

;// CONCATENATED MODULE: ./build/bundle/workspace/local/endpoints.js







/** Endpoint and deployment names as Azure ML accepts them, so a name that works here works there. */
const ONLINE_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$/;
// CI credentials must not live on in a background server that runs user code.
const WITHHELD_ENV = /^(INPUT_|ENDPOINT_|SECRET_)|^(GITHUB_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|SYSTEM_ACCESSTOKEN|AZURE_CLIENT_SECRET)$/;
// Not copied with a deployment's code: version control, dependencies and the workspace itself.
const SKIPPED_DIRS = new Set([".git", "node_modules", ".mlops", "__pycache__", ".venv"]);
/**
 * Local online endpoints. Each deployment is a detached Python process serving the user's
 * score.py on 127.0.0.1; the endpoint is a detached Node router that splits requests by the
 * traffic map. The record `endpoints/<name>.json` (schema-versioned, written atomically under
 * the workspace lock) holds pids, ports and the traffic map; the router reads it on change.
 */
class LocalEndpoints {
    root;
    startTimeoutMs;
    constructor(root, options = {}) {
        this.root = root;
        this.startTimeoutMs = options.startTimeoutMs ?? 120_000;
    }
    recordFile(name) {
        return (0,external_node_path_namespaceObject.join)(this.root, "endpoints", `${name}.json`);
    }
    endpointDir(name) {
        return (0,external_node_path_namespaceObject.join)(this.root, "endpoints", name);
    }
    deploymentDir(endpoint, deployment) {
        return (0,external_node_path_namespaceObject.join)(this.endpointDir(endpoint), "deployments", deployment);
    }
    read(name) {
        return readJson(this.recordFile(name));
    }
    /** Read-modify-write of one endpoint record under the workspace lock. */
    update(name, fn) {
        return withLock(this.root, async () => {
            const [rec, out] = await fn(await this.read(name));
            await writeJson(this.recordFile(name), rec);
            return out;
        });
    }
    /** Writes the shipped server scripts into the workspace (rewritten when this build's text differs). */
    async script(file, text) {
        const path = (0,external_node_path_namespaceObject.join)(this.root, "serving", file);
        const current = await readFileOrEmpty(path);
        if (current !== text)
            await writeAtomic(path, text);
        return path;
    }
    async routerHealth(rec) {
        return checkHealth(rec.router, (b) => b.endpoint === rec.name);
    }
    async deploymentHealth(dep) {
        return checkHealth(dep.server, (b) => b.deployment === dep.name);
    }
    async state(rec) {
        const routerProblem = await this.routerHealth(rec);
        const deployments = await Promise.all(Object.values(rec.deployments).map(async (d) => {
            const state = { name: d.name, model: d.model, status: d.status };
            if (d.server)
                state.url = `http://127.0.0.1:${d.server.port}/score`;
            if (d.status === "Failed")
                state.error = d.error;
            if (d.status === "Succeeded") {
                const problem = await this.deploymentHealth(d);
                if (problem) {
                    state.status = "Failed";
                    state.error = `${problem} (log: ${d.log})`;
                }
            }
            return state;
        }));
        const out = {
            name: rec.name,
            scoringUri: rec.router ? `http://127.0.0.1:${rec.router.port}/score` : "",
            traffic: { ...rec.traffic },
            deployments,
        };
        if (routerProblem)
            out.error = `router ${routerProblem} (log: ${(0,external_node_path_namespaceObject.join)(this.endpointDir(rec.name), "router.log")})`;
        return out;
    }
    async get(name) {
        const rec = await this.read(name);
        return rec ? this.state(rec) : undefined;
    }
    async list() {
        const names = (await listDir((0,external_node_path_namespaceObject.join)(this.root, "endpoints")))
            .filter((f) => f.endsWith(".json"))
            .map((f) => f.slice(0, -5));
        const out = [];
        for (const n of names) {
            const state = await this.get(n);
            if (state)
                out.push(state);
        }
        return out;
    }
    async ensure(name, log) {
        checkName(name, "endpoint");
        const routerScript = await this.script(ROUTER_FILE, ROUTER_JS);
        await (0,promises_.mkdir)(this.endpointDir(name), { recursive: true });
        // The router is started under the lock so two runs never start two routers for one endpoint.
        const rec = await withLock(this.root, async () => {
            let rec = await this.read(name);
            if (!rec) {
                rec = { name, createdAt: new Date().toISOString(), traffic: {}, deployments: {} };
                await writeJson(this.recordFile(name), rec);
                log.info(`Created local endpoint ${name}`);
            }
            const problem = await this.routerHealth(rec);
            if (!problem)
                return rec;
            if (rec.router) {
                log.warning(`Endpoint ${name}: router ${problem}; starting it again.`);
                if (await isOurs(rec.router.pid, ROUTER_FILE))
                    await stopServer(rec.router.pid);
            }
            const dir = this.endpointDir(name);
            const server = await startServer({
                command: process.execPath,
                args: [routerScript, this.recordFile(name), (0,external_node_path_namespaceObject.join)(dir, "router.port.json"), String(rec.router?.port ?? 0)],
                cwd: dir,
                logFile: (0,external_node_path_namespaceObject.join)(dir, "router.log"),
                portFile: (0,external_node_path_namespaceObject.join)(dir, "router.port.json"),
                identity: (b) => b.endpoint === name,
                timeoutMs: 30_000,
                what: `the router of endpoint ${name}`,
            });
            rec.router = server;
            await writeJson(this.recordFile(name), rec);
            log.info(`Endpoint ${name} listens on http://127.0.0.1:${server.port}/score (router pid ${server.pid})`);
            return rec;
        });
        return this.state(rec);
    }
    async createDeployment(endpoint, deployment, log) {
        const { name } = deployment;
        checkName(name, "deployment");
        const codeDir = (0,external_node_path_namespaceObject.resolve)(deployment.codeDir);
        const script = (0,external_node_path_namespaceObject.relative)(codeDir, (0,external_node_path_namespaceObject.resolve)(deployment.scoringScript));
        if (script.startsWith("..") || (0,external_node_path_namespaceObject.isAbsolute)(script)) {
            throw new UserError(`scoring script ${deployment.scoringScript} is outside the code folder ${codeDir}`, { input: "scoringScript" }, "Put score.py inside the folder shipped with it");
        }
        const modelPath = deployment.model.uri;
        const modelIsFile = (await (0,promises_.stat)(modelPath).catch(() => undefined))?.isFile() ?? false;
        // Azure ML sets AZUREML_MODEL_DIR to the folder holding the model's files.
        const modelDir = modelIsFile ? (0,external_node_path_namespaceObject.dirname)(modelPath) : modelPath;
        const dir = this.deploymentDir(endpoint, name);
        const logFile = (0,external_node_path_namespaceObject.join)(dir, "server.log");
        const modelRef = `${deployment.model.name}:${deployment.model.version}`;
        await this.update(endpoint, async (rec) => {
            if (!rec)
                throw new Error(`endpoint ${endpoint} does not exist; ensure it first`);
            if (rec.deployments[name]) {
                throw new UserError(`deployment ${name} already exists on endpoint ${endpoint}`, { input: "deployment" }, "Choose another deployment name");
            }
            rec.deployments[name] = {
                name,
                model: modelRef,
                status: "Creating",
                script,
                modelDir,
                log: logFile,
                createdAt: new Date().toISOString(),
            };
            return [rec, undefined];
        });
        try {
            // The deployment serves a snapshot of the code, so later edits in the checkout cannot change it.
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            await (0,promises_.mkdir)(dir, { recursive: true });
            await (0,promises_.cp)(codeDir, (0,external_node_path_namespaceObject.join)(dir, "code"), {
                recursive: true,
                filter: (src) => !SKIPPED_DIRS.has(src.split(/[\\/]/).at(-1) ?? "") || src === codeDir,
            });
            const serverScript = await this.script(SCORE_SERVER_FILE, SCORE_SERVER_PY);
            const python = await resolvePython();
            log.info(`Starting deployment ${name} of ${modelRef} (${python} ${script}, AZUREML_MODEL_DIR=${modelDir})`);
            const started = Date.now();
            const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !WITHHELD_ENV.test(k)));
            const server = await startServer({
                command: python,
                args: [
                    serverScript,
                    "--code-dir",
                    (0,external_node_path_namespaceObject.join)(dir, "code"),
                    "--script",
                    script,
                    "--name",
                    name,
                    "--port-file",
                    (0,external_node_path_namespaceObject.join)(dir, "port.json"),
                    "--watch",
                    dir,
                ],
                env: { ...env, AZUREML_MODEL_DIR: modelDir, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" },
                cwd: (0,external_node_path_namespaceObject.join)(dir, "code"),
                logFile,
                portFile: (0,external_node_path_namespaceObject.join)(dir, "port.json"),
                identity: (b) => b.deployment === name,
                timeoutMs: this.startTimeoutMs,
                what: `deployment ${name}`,
            });
            log.info(`Deployment ${name} is healthy on 127.0.0.1:${server.port} (pid ${server.pid}) after ${Date.now() - started} ms`);
            return await this.update(endpoint, async (rec) => {
                if (!rec?.deployments[name])
                    throw new Error(`deployment ${name} was removed while it started`);
                Object.assign(rec.deployments[name], { status: "Succeeded", server });
                return [
                    rec,
                    { name, model: modelRef, status: "Succeeded", url: `http://127.0.0.1:${server.port}/score` },
                ];
            });
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            await this.update(endpoint, async (rec) => {
                if (!rec)
                    throw error;
                if (rec.deployments[name])
                    Object.assign(rec.deployments[name], {
                        status: "Failed",
                        error: `${message.split(". Last lines")[0]} (log: ${logFile})`,
                    });
                return [rec, undefined];
            }).catch(() => { });
            throw error;
        }
    }
    async setTraffic(endpoint, traffic, log) {
        const rec = await this.update(endpoint, async (rec) => {
            if (!rec)
                throw new Error(`endpoint ${endpoint} does not exist`);
            let sum = 0;
            for (const [d, p] of Object.entries(traffic)) {
                if (!rec.deployments[d])
                    throw new Error(`endpoint ${endpoint} has no deployment ${d}`);
                if (!Number.isInteger(p) || p < 0 || p > 100)
                    throw new Error(`traffic for ${d} must be a whole percent, got ${p}`);
                sum += p;
            }
            if (sum !== 100 && sum !== 0)
                throw new Error(`traffic must add up to 100 (or 0), got ${sum}`);
            rec.traffic = { ...traffic };
            return [rec, rec];
        });
        log.info(`Endpoint ${endpoint} traffic: ${formatTraffic(traffic)}`);
        return this.state(rec);
    }
    async deleteDeployment(endpoint, deployment, log) {
        const dep = await withLock(this.root, async () => {
            const rec = await this.read(endpoint);
            const dep = rec?.deployments[deployment];
            if (!rec || !dep)
                return undefined;
            if ((rec.traffic[deployment] ?? 0) > 0) {
                throw new Error(`deployment ${deployment} still has ${rec.traffic[deployment]}% of endpoint ${endpoint}'s traffic`);
            }
            dep.status = "Deleting";
            await writeJson(this.recordFile(endpoint), rec);
            return dep;
        });
        if (!dep)
            return;
        if (await isOurs(dep.server?.pid, SCORE_SERVER_FILE))
            await stopServer(dep.server?.pid);
        await (0,promises_.rm)(this.deploymentDir(endpoint, deployment), { recursive: true, force: true });
        await this.update(endpoint, async (rec) => {
            if (!rec)
                throw new Error(`endpoint ${endpoint} disappeared`);
            delete rec.deployments[deployment];
            if (rec.traffic[deployment] === 0)
                delete rec.traffic[deployment];
            return [rec, undefined];
        });
        log.info(`Deleted deployment ${deployment} from endpoint ${endpoint}`);
    }
    async invoke(endpoint, body, deployment) {
        const rec = await this.read(endpoint);
        if (!rec)
            throw new Error(`endpoint ${endpoint} does not exist`);
        if (!rec.router)
            throw new Error(`endpoint ${endpoint} has no router; run deploy-endpoint to start it`);
        try {
            const answer = await request(rec.router.port, "/score", {
                body,
                headers: deployment ? { "azureml-model-deployment": deployment } : {},
                timeoutMs: 60_000,
            });
            const by = answer.headers["azureml-model-deployment"];
            return { status: answer.status, body: answer.body, deployment: typeof by === "string" ? by : undefined };
        }
        catch (error) {
            const problem = (await this.routerHealth(rec)) ?? error.message;
            const tail = await logTail((0,external_node_path_namespaceObject.join)(this.endpointDir(endpoint), "router.log"), 5);
            throw new Error(`endpoint ${endpoint} did not answer: router ${problem}. Last lines of its log:\n${tail}`);
        }
    }
    async delete(name, log) {
        const rec = await this.read(name);
        if (!rec)
            return;
        for (const dep of Object.values(rec.deployments)) {
            if (await isOurs(dep.server?.pid, SCORE_SERVER_FILE))
                await stopServer(dep.server?.pid);
        }
        if (await isOurs(rec.router?.pid, ROUTER_FILE))
            await stopServer(rec.router?.pid);
        await withLock(this.root, async () => {
            await (0,promises_.rm)(this.recordFile(name), { force: true });
            await (0,promises_.rm)(this.endpointDir(name), { recursive: true, force: true });
        });
        log.info(`Deleted endpoint ${name} and its ${Object.keys(rec.deployments).length} deployment(s)`);
    }
}
function checkName(name, input) {
    if (!ONLINE_NAME.test(name)) {
        throw new UserError(`'${name}' is not a valid ${input} name`, { input }, "Use 3 to 32 letters, digits and '-', starting with a letter and not ending with '-'");
    }
}
function formatTraffic(traffic) {
    const entries = Object.entries(traffic);
    return entries.length ? entries.map(([d, p]) => `${d}=${p}%`).join(", ") : "(none)";
}
async function readFileOrEmpty(path) {
    return (await exists(path)) ? (0,promises_.readFile)(path, "utf8") : "";
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./build/bundle/pipeline/expressions.js
const EXPR = /\$\{\{\s*([^}]*?)\s*\}\}/g;
const WHOLE = /^\s*\$\{\{\s*([^}]*?)\s*\}\}\s*$/;
function findExpressions(s) {
    return [...s.matchAll(EXPR)].map((m) => ({ text: m[0], body: m[1], index: m.index ?? 0 }));
}
/** The body when the whole string is one `${{...}}`, else undefined. */
function wholeExpression(s) {
    return WHOLE.exec(s)?.[1];
}
function hasExpression(s) {
    return s.includes("${{");
}
const NAME = "[A-Za-z_][A-Za-z0-9_-]*";
const PARENT_INPUT = new RegExp(`^parent\\.inputs\\.(${NAME})$`);
const PARENT_OUTPUT = new RegExp(`^parent\\.outputs\\.(${NAME})$`);
const PARENT_JOB = new RegExp(`^parent\\.jobs\\.(${NAME})\\.outputs\\.(${NAME})$`);
const SEARCH = new RegExp(`^search_space\\.(${NAME})$`);
const OWN = new RegExp(`^(inputs|outputs)\\.(${NAME})$`);
/** A binding reference (in a job's inputs/outputs); undefined when the text is not one we know. */
function parseRef(body) {
    let m = PARENT_INPUT.exec(body);
    if (m)
        return { scope: "parent.inputs", name: m[1] };
    m = PARENT_OUTPUT.exec(body);
    if (m)
        return { scope: "parent.outputs", name: m[1] };
    m = PARENT_JOB.exec(body);
    if (m)
        return { scope: "parent.jobs", job: m[1], output: m[2] };
    m = SEARCH.exec(body);
    if (m)
        return { scope: "search_space", name: m[1] };
    return undefined;
}
/** A command reference (`inputs.x` / `outputs.y`); undefined when the text is not one. */
function parseOwnRef(body) {
    const m = OWN.exec(body);
    return m ? { kind: m[1], name: m[2] } : undefined;
}
/** `$[[...]]` sections: dropped when an input they use is not given. */
function findOptionalSections(command) {
    const out = [];
    let from = 0;
    for (;;) {
        const start = command.indexOf("$[[", from);
        if (start < 0)
            break;
        const end = command.indexOf("]]", start + 3);
        if (end < 0)
            break;
        out.push({ text: command.slice(start, end + 2), inner: command.slice(start + 3, end), index: start });
        from = end + 2;
    }
    return out;
}
/**
 * Resolves `$[[...]]` sections: each is kept (without brackets) when every input it names has a
 * value, and removed otherwise, as Azure ML does for optional inputs.
 */
function resolveOptionalSections(command, hasValue) {
    let out = "";
    let last = 0;
    for (const section of findOptionalSections(command)) {
        out += command.slice(last, section.index);
        const names = findExpressions(section.inner)
            .map((e) => parseOwnRef(e.body))
            .filter((r) => r?.kind === "inputs")
            .map((r) => r.name);
        if (names.every(hasValue))
            out += section.inner;
        last = section.index + section.text.length;
    }
    return out + command.slice(last);
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/model.js
const LITERAL_TYPES = ["integer", "number", "string", "boolean"];
const DATA_TYPES = [
    "uri_file",
    "uri_folder",
    "mltable",
    "mlflow_model",
    "custom_model",
    "triton_model",
];
function isDataType(t) {
    return t !== undefined && DATA_TYPES.includes(t);
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/problems.js

/** Everything wrong with a pipeline, collected so the user sees it all before anything runs. */
class Problems {
    list = [];
    add(message, where, fix) {
        this.list.push({ message, where, fix });
    }
    get empty() {
        return this.list.length === 0;
    }
    /** A UserError for the first problem, saying how many more there are. */
    toError(input = "pipeline") {
        const [first] = this.list;
        const more = this.list.length > 1 ? ` (and ${this.list.length - 1} more problem(s) listed above)` : "";
        return new UserError(`${first.message}${more}`, { input, ...first.where }, first.fix);
    }
}
function describeProblem(p) {
    return new UserError(p.message, p.where, p.fix).describe();
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./build/bundle/pipeline/source.js
/**
 * A YAML file read with its positions kept, so every error can name file:line:column.
 * The `yaml` package keeps node ranges; a LineCounter turns offsets into lines and columns.
 */



class YamlSource {
    file;
    doc;
    lines;
    positions = new Map();
    constructor(file, doc, lines) {
        this.file = file;
        this.doc = doc;
        this.lines = lines;
        this.index(doc.contents, []);
    }
    /** The document as plain data. */
    value() {
        return this.doc.toJS({ maxAliasCount: 1000 });
    }
    /** Where `path` is written: the key's position for a map entry, the item's for a list item. */
    at(path) {
        for (let n = path.length; n >= 0; n--) {
            const pos = this.positions.get(key(path.slice(0, n)));
            if (pos)
                return { file: this.file, line: pos.line, column: pos.column };
        }
        return { file: this.file };
    }
    /** Position of the value at `path` (not its key), for errors inside a value such as an expression. */
    valueAt(path) {
        const pos = this.positions.get(`${key(path)}#v`);
        return pos ? { file: this.file, ...pos } : this.at(path);
    }
    mark(path, offset, suffix = "") {
        if (offset === undefined)
            return;
        const { line, col } = this.lines.linePos(offset);
        this.positions.set(key(path) + suffix, { line, column: col });
    }
    index(node, path) {
        if (!node)
            return;
        this.mark(path, node.range?.[0], "#v");
        if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                const k = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : String(pair.key);
                const child = [...path, k];
                this.mark(child, pair.key?.range?.[0]);
                this.index(pair.value, child);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, i) => {
                this.mark([...path, i], item?.range?.[0]);
                this.index(item, [...path, i]);
            });
        }
    }
}
function key(path) {
    return path.map(String).join("\u0000");
}
/** Parses YAML text; a syntax error is a UserError at its line and column. */
function parseYaml(file, text, input = "pipeline") {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
        const { line, col } = lines.linePos(first.pos[0]);
        const what = first.message.split("\n")[0];
        throw new UserError(`malformed YAML: ${what}`, { input, file, line, column: col }, "Fix the YAML syntax at that position");
    }
    return new YamlSource(file, doc, lines);
}
async function readYaml(file, input = "pipeline") {
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch {
        throw new UserError(`'${file}' does not exist`, { input }, "Give the path of a YAML file in the checkout");
    }
    return parseYaml(file, text, input);
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/overrides.js
/**
 * `set` overrides (`inputs.learning_rate=0.1`, `jobs.train.compute=gpu`), applied to the YAML
 * document before it is parsed, so everything downstream sees one document.
 */

const TOP = ["inputs", "outputs", "jobs", "settings", "display_name", "experiment_name", "description", "tags", "compute", "name"];
function applyOverrides(src, overrides, problems) {
    for (const entry of overrides) {
        const eq = entry.indexOf("=");
        const where = { input: "set" };
        if (eq <= 0) {
            problems.add(`override '${entry}' is not path=value`, where, "Write one override per line, such as `inputs.learning_rate=0.1`");
            continue;
        }
        const path = entry.slice(0, eq).trim().split(".");
        const text = entry.slice(eq + 1).trim();
        if (!TOP.includes(path[0]) || path.some((p) => p === "")) {
            problems.add(`override '${entry}' names '${path[0]}'`, where, `Start the path with one of: ${TOP.join(", ")}`);
            continue;
        }
        let value;
        try {
            value = text === "" ? null : (0,dist/* parse */.qg)(text);
        }
        catch {
            value = text;
        }
        // `inputs.x=value` on a data input or a typed literal sets its path or value, as `az ml job create --set` does.
        const current = src.doc.getIn(path);
        const cur = current && typeof current === "object" && "toJSON" in current ? current.toJSON() : current;
        if (cur && typeof cur === "object" && !Array.isArray(cur) && (typeof value !== "object" || value === null)) {
            const c = cur;
            if ("path" in c)
                path.push("path");
            else if ("value" in c)
                path.push("value");
            else if ("default" in c)
                path.push("default");
        }
        src.doc.setIn(path, value);
    }
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/suggest.js
/** "Did you mean" for misspelled keys, names and references. */
function distance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return prev[b.length];
}
/** The closest candidate within a third of the word's length (at least 2 edits), if any. */
function closest(word, candidates) {
    let best;
    let bestD = Number.POSITIVE_INFINITY;
    const lower = word.toLowerCase();
    for (const c of candidates) {
        const d = distance(lower, c.toLowerCase());
        if (d < bestD) {
            best = c;
            bestD = d;
        }
    }
    return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
/** "Did you mean 'x'?" or a list of what is allowed. */
function suggestion(word, candidates, what = "one of") {
    const near = closest(word, candidates);
    if (near)
        return `Did you mean '${near}'?`;
    if (candidates.length === 0)
        return "Remove it";
    return `Use ${what}: ${candidates.join(", ")}`;
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/parse.js
/**
 * Reads a pipeline job YAML (and the component files it names) into the model, keeping YAML
 * positions. Structural mistakes are collected as Problems, not thrown, so a user sees them all.
 */








const isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const COMMON_JOB_KEYS = [
    "$schema", "type", "name", "display_name", "description", "tags", "properties", "experiment_name",
    "inputs", "outputs", "compute", "identity", "services",
];
const KEYS = {
    pipeline: [...COMMON_JOB_KEYS, "settings", "jobs", "status"],
    settings: ["default_compute", "default_datastore", "continue_on_step_failure", "force_rerun", "default_environment", "on_init", "on_finalize"],
    command: [
        ...COMMON_JOB_KEYS, "component", "command", "code", "environment", "environment_variables", "resources",
        "distribution", "limits", "queue_settings", "is_deterministic",
    ],
    sweep: [
        ...COMMON_JOB_KEYS, "trial", "search_space", "sampling_algorithm", "objective", "limits", "early_termination",
        "resources", "queue_settings",
    ],
    pipelineNode: [...COMMON_JOB_KEYS, "component", "settings"],
    parallel: [
        ...COMMON_JOB_KEYS, "component", "task", "input_data", "mini_batch_size", "mini_batch_error_threshold",
        "error_threshold", "logging_level", "max_concurrency_per_instance", "retry_settings", "resources",
        "environment_variables", "partition_keys", "environment", "code",
    ],
    commandComponent: [
        "$schema", "name", "version", "display_name", "description", "tags", "type", "inputs", "outputs", "command",
        "code", "environment", "resources", "distribution", "is_deterministic", "environment_variables", "properties",
        "additional_includes", "instance_count",
    ],
    pipelineComponent: ["$schema", "name", "version", "display_name", "description", "tags", "type", "inputs", "outputs", "jobs", "settings", "is_deterministic"],
    parallelComponent: [
        "$schema", "name", "version", "display_name", "description", "tags", "type", "inputs", "outputs", "task",
        "input_data", "mini_batch_size", "mini_batch_error_threshold", "error_threshold", "logging_level",
        "max_concurrency_per_instance", "retry_settings", "resources", "is_deterministic", "partition_keys",
    ],
    inputDecl: ["type", "optional", "default", "description", "enum", "min", "max", "mode", "path"],
    dataBinding: ["type", "path", "mode", "description", "datastore", "optional", "value", "default"],
    outputDecl: ["type", "mode", "path", "description", "name", "version", "datastore", "is_control", "early_available"],
    limits: ["timeout", "max_total_trials", "max_concurrent_trials", "trial_timeout"],
    objective: ["goal", "primary_metric"],
    sampling: ["type", "seed", "rule", "logbase"],
    earlyTermination: ["type", "evaluation_interval", "delay_evaluation", "slack_factor", "slack_amount", "truncation_percentage"],
};
const SEARCH_TYPES = {
    choice: ["values"],
    uniform: ["min_value", "max_value"],
    loguniform: ["min_value", "max_value"],
    quniform: ["min_value", "max_value", "q"],
    qloguniform: ["min_value", "max_value", "q"],
    randint: ["upper"],
    normal: ["mu", "sigma"],
    lognormal: ["mu", "sigma"],
    qnormal: ["mu", "sigma", "q"],
    qlognormal: ["mu", "sigma", "q"],
};
/** Reads and parses a pipeline job file. Throws only for an unreadable file or malformed YAML. */
async function loadPipeline(file, options = {}) {
    const path = (0,external_node_path_namespaceObject.resolve)(file);
    const src = await readYaml(path, options.input ?? "pipeline");
    const problems = new Problems();
    applyOverrides(src, options.set ?? [], problems);
    const value = src.value();
    if (!isObj(value)) {
        throw new UserError("is not a pipeline job (expected a YAML mapping)", { input: options.input ?? "pipeline", file: path, line: 1 }, "Start the file with `$schema:` and `type: pipeline`");
    }
    const ctx = { src, baseDir: (0,external_node_path_namespaceObject.dirname)(path), problems, stack: [path], cache: new Map() };
    const job = await parsePipelineJob(ctx, value);
    return { job, problems };
}
async function parsePipelineJob(ctx, doc) {
    const { src, problems } = ctx;
    checkKeys(ctx, [], doc, KEYS.pipeline, "pipeline job key");
    if (doc.type !== undefined && doc.type !== "pipeline") {
        problems.add(`type is '${String(doc.type)}', not 'pipeline'`, src.at(["type"]), "submit-pipeline takes pipeline jobs: set `type: pipeline`");
    }
    if (!isObj(doc.jobs) || Object.keys(doc.jobs).length === 0) {
        problems.add("has no jobs", src.at(doc.jobs === undefined ? [] : ["jobs"]), "Add a `jobs:` mapping with at least one job");
    }
    const settingsRaw = isObj(doc.settings) ? doc.settings : {};
    if (doc.settings !== undefined)
        checkKeys(ctx, ["settings"], settingsRaw, KEYS.settings, "setting");
    const inputs = {};
    for (const [name, v] of Object.entries(isObj(doc.inputs) ? doc.inputs : {})) {
        inputs[name] = parsePipelineInput(ctx, ["inputs", name], v);
    }
    const outputs = {};
    for (const [name, v] of Object.entries(isObj(doc.outputs) ? doc.outputs : {})) {
        outputs[name] = parseOutputDecl(ctx, ["outputs", name], v);
    }
    const jobs = await parseJobs(ctx, ["jobs"], isObj(doc.jobs) ? doc.jobs : {});
    return {
        file: src.file,
        raw: doc,
        baseDir: ctx.baseDir,
        displayName: optString(ctx, ["display_name"], doc.display_name),
        experimentName: optString(ctx, ["experiment_name"], doc.experiment_name),
        description: optString(ctx, ["description"], doc.description),
        tags: stringMap(ctx, ["tags"], doc.tags),
        inputs,
        outputs,
        settings: {
            defaultCompute: optString(ctx, ["settings", "default_compute"], settingsRaw.default_compute),
            defaultDatastore: optString(ctx, ["settings", "default_datastore"], settingsRaw.default_datastore),
            continueOnStepFailure: optBool(ctx, ["settings", "continue_on_step_failure"], settingsRaw.continue_on_step_failure) ?? false,
            forceRerun: optBool(ctx, ["settings", "force_rerun"], settingsRaw.force_rerun) ?? false,
            raw: settingsRaw,
        },
        jobs,
        where: src.at([]),
    };
}
async function parseJobs(ctx, path, jobs) {
    const out = {};
    for (const [name, v] of Object.entries(jobs)) {
        if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
            ctx.problems.add(`job name '${name}' is not valid`, ctx.src.at([...path, name]), "Use letters, digits, '_' and '-', starting with a letter or '_'");
        }
        if (!isObj(v)) {
            ctx.problems.add(`job '${name}' is not a mapping`, ctx.src.at([...path, name]), "Give the job's `type`, `component` and `inputs`");
            continue;
        }
        const node = await parseJobNode(ctx, [...path, name], name, v);
        if (node)
            out[name] = node;
    }
    return out;
}
const JOB_TYPES = ["command", "sweep", "pipeline", "parallel", "spark"];
async function parseJobNode(ctx, path, name, v) {
    const { src, problems } = ctx;
    const type = (v.type ?? "command");
    if (!JOB_TYPES.includes(type)) {
        problems.add(`job '${name}' has unknown type '${type}'`, src.valueAt([...path, "type"]), suggestion(type, JOB_TYPES));
        return undefined;
    }
    const where = src.at(path);
    const base = {
        name,
        displayName: optString(ctx, [...path, "display_name"], v.display_name),
        environmentVariables: stringMap(ctx, [...path, "environment_variables"], v.environment_variables),
        compute: optString(ctx, [...path, "compute"], v.compute),
        resources: isObj(v.resources) ? v.resources : undefined,
        distribution: isObj(v.distribution) ? v.distribution : undefined,
        identity: isObj(v.identity) ? v.identity : undefined,
        raw: v,
        where,
    };
    let component;
    let sweep;
    if (type === "spark") {
        // Spark jobs run only on Azure; the local runner refuses them with one line. Keep them as written.
        component = {
            origin: { kind: "inline" }, type: "spark", environmentVariables: {}, inputs: {}, outputs: {}, isDeterministic: true,
            raw: v, where,
        };
        for (const k of Object.keys(isObj(v.inputs) ? v.inputs : {}))
            component.inputs[k] = { type: "string", optional: true, where };
        for (const k of Object.keys(isObj(v.outputs) ? v.outputs : {}))
            component.outputs[k] = { type: "uri_folder", where };
    }
    else if (type === "sweep") {
        checkKeys(ctx, path, v, KEYS.sweep, "sweep job key");
        if (v.trial === undefined) {
            problems.add(`sweep job '${name}' has no trial`, where, "Set `trial:` to a command component file such as ./train.yml");
            return undefined;
        }
        component = await loadComponentRef(ctx, [...path, "trial"], v.trial, "command");
        sweep = parseSweep(ctx, path, v);
    }
    else if (v.component !== undefined) {
        checkKeys(ctx, path, v, type === "pipeline" ? KEYS.pipelineNode : type === "parallel" ? KEYS.parallel : KEYS.command, `${type} job key`);
        component = await loadComponentRef(ctx, [...path, "component"], v.component, type);
    }
    else if (type === "command") {
        checkKeys(ctx, path, v, KEYS.command, "command job key");
        component = inlineCommandJob(ctx, path, v);
    }
    else if (type === "parallel") {
        checkKeys(ctx, path, v, KEYS.parallel, "parallel job key");
        component = parseComponent(ctx, path, { ...v, type: "parallel", inputs: inferDecls(v.inputs), outputs: inferDecls(v.outputs) }, "parallel");
    }
    else {
        problems.add(`pipeline job '${name}' has no component`, where, "Set `component:` to a pipeline component file such as ./sub-pipeline.yml");
        return undefined;
    }
    if (!component)
        return undefined;
    const inputs = {};
    for (const [k, iv] of Object.entries(isObj(v.inputs) ? v.inputs : {}))
        inputs[k] = parseBinding(ctx, [...path, "inputs", k], iv);
    const outputs = {};
    for (const [k, ov] of Object.entries(isObj(v.outputs) ? v.outputs : {}))
        outputs[k] = parseOutputBinding(ctx, [...path, "outputs", k], ov);
    const limits = isObj(v.limits) ? v.limits : {};
    if (type !== "sweep" && isObj(v.limits))
        checkKeys(ctx, [...path, "limits"], limits, ["timeout"], "limit");
    return {
        ...base,
        type: type,
        component,
        inputs,
        outputs,
        timeoutSeconds: type === "sweep" ? undefined : optNumber(ctx, [...path, "limits", "timeout"], limits.timeout),
        sweep,
    };
}
/** Declarations a job without a component implies from its own inputs/outputs. */
function inferDecls(v) {
    const out = {};
    for (const [k, x] of Object.entries(isObj(v) ? v : {})) {
        if (isObj(x) && typeof x.type === "string")
            out[k] = { type: x.type, ...(x.mode ? { mode: x.mode } : {}) };
        else if (typeof x === "number")
            out[k] = { type: Number.isInteger(x) ? "integer" : "number" };
        else if (typeof x === "boolean")
            out[k] = { type: "boolean" };
        else
            out[k] = { type: INFERRED };
    }
    return out;
}
/** The type of an inline job's input whose value is a reference: known only once bound. */
const INFERRED = "__inferred__";
function inlineCommandJob(ctx, path, v) {
    if (typeof v.command !== "string") {
        ctx.problems.add(`command job '${String(path.at(-1))}' has no command`, ctx.src.at(path), "Set `command:` or `component:`");
        return undefined;
    }
    const decl = { ...v, type: "command", inputs: inferDecls(v.inputs), outputs: inferDecls(v.outputs) };
    return parseComponent(ctx, path, decl, "command", true);
}
/** A component written inline, in a file, or registered (`azureml:name:version`, `azureml://registries/...`). */
async function loadComponentRef(ctx, path, v, expected) {
    const where = ctx.src.valueAt(path);
    if (isObj(v))
        return parseComponentAsync(ctx, path, v, expected);
    if (typeof v !== "string" || v.trim() === "") {
        ctx.problems.add("component is neither a mapping nor a reference", where, "Write the component inline, or `./component.yml`, or `azureml:name:version`");
        return undefined;
    }
    if (v.startsWith("azureml:")) {
        return {
            origin: { kind: "registered", ref: v }, type: expected, environmentVariables: {}, inputs: {}, outputs: {},
            isDeterministic: true, raw: {}, where,
        };
    }
    const file = (0,external_node_path_namespaceObject.resolve)(ctx.baseDir, v.replace(/^file:/, ""));
    if (ctx.stack.includes(file)) {
        ctx.problems.add(`component '${v}' includes itself`, where, "Break the loop of pipeline components");
        return undefined;
    }
    let pending = ctx.cache.get(file);
    if (!pending) {
        pending = (async () => {
            let sub;
            try {
                sub = await readYaml(file);
            }
            catch (error) {
                if (error instanceof UserError && error.location.line !== undefined)
                    throw error;
                ctx.problems.add(`component file '${v}' does not exist`, where, `Create ${file} or fix the path`);
                return undefined;
            }
            const value = sub.value();
            if (!isObj(value)) {
                ctx.problems.add("is not a component (expected a YAML mapping)", { file, line: 1 }, "Write the component's type, inputs, outputs and command");
                return undefined;
            }
            const subCtx = { ...ctx, src: sub, baseDir: (0,external_node_path_namespaceObject.dirname)(file), stack: [...ctx.stack, file] };
            const c = await parseComponentAsync(subCtx, [], value, expected);
            if (c)
                c.origin = { kind: "file", file };
            return c;
        })();
        ctx.cache.set(file, pending);
    }
    return pending;
}
async function parseComponentAsync(ctx, path, v, expected) {
    const c = parseComponent(ctx, path, v, expected);
    if (c && c.type === "pipeline")
        c.jobs = await parseJobs(ctx, [...path, "jobs"], isObj(v.jobs) ? v.jobs : {});
    return c;
}
function parseComponent(ctx, path, v, expected, inlineJob = false) {
    const { src, problems } = ctx;
    const type = (v.type ?? expected);
    const where = src.at(path);
    if (type !== expected && !(expected === "command" && type === "command")) {
        problems.add(`component type is '${type}' but the job is a ${expected} job`, src.valueAt([...path, "type"]), `Use a ${expected} component here`);
        return undefined;
    }
    if (!inlineJob) {
        const keys = type === "pipeline" ? KEYS.pipelineComponent : type === "parallel" ? KEYS.parallelComponent : KEYS.commandComponent;
        checkKeys(ctx, path, v, keys, `${type} component key`);
    }
    const inputs = {};
    for (const [k, d] of Object.entries(isObj(v.inputs) ? v.inputs : {})) {
        const decl = parseInputDecl(ctx, [...path, "inputs", k], d, inlineJob);
        if (decl)
            inputs[k] = decl;
    }
    const outputs = {};
    for (const [k, d] of Object.entries(isObj(v.outputs) ? v.outputs : {}))
        outputs[k] = parseOutputDecl(ctx, [...path, "outputs", k], d);
    let code;
    if (typeof v.code === "string") {
        code = /^(azureml:|https?:|git\+)/.test(v.code) ? v.code : (0,external_node_path_namespaceObject.resolve)(ctx.baseDir, v.code.replace(/^file:/, ""));
    }
    if (type === "command" && typeof v.command !== "string") {
        problems.add("command component has no command", where, "Set `command:` to what the step runs, such as `python train.py --data ${{inputs.data}}`");
    }
    return {
        origin: { kind: "inline" },
        type: type,
        name: optString(ctx, [...path, "name"], inlineJob ? undefined : v.name),
        version: v.version === undefined || inlineJob ? undefined : String(v.version),
        displayName: optString(ctx, [...path, "display_name"], v.display_name),
        description: optString(ctx, [...path, "description"], v.description),
        command: typeof v.command === "string" ? v.command : undefined,
        commandWhere: src.valueAt([...path, "command"]),
        code,
        environment: v.environment,
        environmentVariables: inlineJob ? {} : stringMap(ctx, [...path, "environment_variables"], v.environment_variables),
        inputs,
        outputs,
        isDeterministic: optBool(ctx, [...path, "is_deterministic"], v.is_deterministic) ?? true,
        parallel: type === "parallel" ? v : undefined,
        raw: { ...v, ...(code && !code.includes(":") ? { code } : {}) },
        where,
    };
}
function parseInputDecl(ctx, path, d, inlineJob) {
    const where = ctx.src.at(path);
    if (!isObj(d)) {
        ctx.problems.add(`input '${String(path.at(-1))}' has no type`, where, `Declare it as a mapping with \`type:\` (${[...LITERAL_TYPES, ...DATA_TYPES].join(", ")})`);
        return undefined;
    }
    if (!inlineJob)
        checkKeys(ctx, path, d, KEYS.inputDecl, "input key");
    const type = String(d.type ?? "");
    if (type !== INFERRED && !isIoType(type)) {
        ctx.problems.add(`input type '${type}' is not known`, ctx.src.valueAt([...path, "type"]), suggestion(type, [...LITERAL_TYPES, ...DATA_TYPES]));
        return undefined;
    }
    const dflt = d.default;
    return {
        type: (type === INFERRED ? "string" : type),
        optional: d.optional === true || type === INFERRED,
        default: typeof dflt === "string" || typeof dflt === "number" || typeof dflt === "boolean" ? dflt : undefined,
        description: typeof d.description === "string" ? d.description : undefined,
        enum: Array.isArray(d.enum) ? d.enum : undefined,
        min: typeof d.min === "number" ? d.min : undefined,
        max: typeof d.max === "number" ? d.max : undefined,
        where,
        ...(type === INFERRED ? { inferred: true } : {}),
    };
}
function isIoType(t) {
    return LITERAL_TYPES.includes(t) || isDataType(t);
}
function parseOutputDecl(ctx, path, d) {
    const where = ctx.src.at(path);
    if (d === null || d === undefined)
        return { type: "uri_folder", where };
    if (typeof d === "string" && wholeExpression(d))
        return { type: "uri_folder", where };
    if (!isObj(d)) {
        ctx.problems.add(`output '${String(path.at(-1))}' is not a mapping`, where, "Declare outputs as `name: {type: uri_folder}` (or leave the value empty)");
        return { type: "uri_folder", where };
    }
    checkKeys(ctx, path, d, KEYS.outputDecl, "output key");
    const type = String(d.type ?? "uri_folder");
    if (!isIoType(type) && type !== INFERRED) {
        ctx.problems.add(`output type '${type}' is not known`, ctx.src.valueAt([...path, "type"]), suggestion(type, [...DATA_TYPES, ...LITERAL_TYPES]));
    }
    return {
        type: (isIoType(type) ? type : "uri_folder"),
        mode: typeof d.mode === "string" ? d.mode : undefined,
        description: typeof d.description === "string" ? d.description : undefined,
        where,
        ...(typeof d.path === "string" ? { path: d.path } : {}),
    };
}
function parsePipelineInput(ctx, path, v) {
    const where = ctx.src.at(path);
    if (v === null || v === undefined)
        return { kind: "literal", value: undefined, where };
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
        if (typeof v === "string" && hasExpression(v)) {
            ctx.problems.add("a pipeline input cannot refer to `${{...}}`", ctx.src.valueAt(path), "Give a value, or a data input with `type` and `path`");
        }
        return { kind: "literal", value: v, where };
    }
    if (!isObj(v)) {
        ctx.problems.add(`input '${String(path.at(-1))}' is not a value or a mapping`, where, "Give a value, or `type:` and `path:` for data");
        return { kind: "literal", value: undefined, where };
    }
    checkKeys(ctx, path, v, KEYS.dataBinding, "input key");
    const type = String(v.type ?? (v.path !== undefined ? "uri_folder" : "string"));
    if (isDataType(type)) {
        return { kind: "data", type, path: v.path === undefined ? undefined : String(v.path), baseDir: ctx.baseDir, mode: optString(ctx, [...path, "mode"], v.mode), where };
    }
    if (LITERAL_TYPES.includes(type)) {
        const value = v.value ?? v.default;
        return { kind: "literal", type: type, value: value === undefined || value === null ? undefined : value, where };
    }
    ctx.problems.add(`input type '${type}' is not known`, ctx.src.valueAt([...path, "type"]), suggestion(type, [...LITERAL_TYPES, ...DATA_TYPES]));
    return { kind: "literal", value: undefined, where };
}
function parseBinding(ctx, path, v) {
    const where = ctx.src.valueAt(path);
    if (v === null || v === undefined)
        return { kind: "empty", where };
    if (typeof v === "string") {
        const body = wholeExpression(v);
        if (body !== undefined)
            return refBinding(ctx, path, body, v, where);
        if (hasExpression(v)) {
            ctx.problems.add(`'${v}' mixes text and \`\${{...}}\``, where, "Bind the whole value to one `${{...}}` reference");
        }
        return { kind: "literal", value: v, where };
    }
    if (typeof v === "number" || typeof v === "boolean")
        return { kind: "literal", value: v, where };
    if (!isObj(v)) {
        ctx.problems.add(`input '${String(path.at(-1))}' is not a value, a reference or a mapping`, where, "Give a value, `${{parent.inputs.x}}`, or `type:` and `path:`");
        return { kind: "empty", where };
    }
    checkKeys(ctx, path, v, KEYS.dataBinding, "input key");
    const type = v.type === undefined ? undefined : String(v.type);
    if (type !== undefined && !isIoType(type)) {
        ctx.problems.add(`input type '${type}' is not known`, ctx.src.valueAt([...path, "type"]), suggestion(type, [...LITERAL_TYPES, ...DATA_TYPES]));
    }
    const mode = typeof v.mode === "string" ? v.mode : undefined;
    if (typeof v.path === "string") {
        const body = wholeExpression(v.path);
        if (body !== undefined) {
            const b = refBinding(ctx, [...path, "path"], body, v.path, ctx.src.valueAt([...path, "path"]));
            return b.kind === "ref" ? { ...b, type: type, mode } : b;
        }
        return { kind: "data", type: (isDataType(type) ? type : "uri_folder"), path: v.path, baseDir: ctx.baseDir, mode, where };
    }
    const value = v.value ?? v.default;
    if (typeof value === "string" && wholeExpression(value))
        return refBinding(ctx, [...path, "value"], wholeExpression(value), value, where);
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
        return { kind: "literal", value, where };
    return { kind: "empty", where };
}
function refBinding(ctx, _path, body, text, where) {
    const ref = parseRef(body);
    if (!ref) {
        ctx.problems.add(`'${text}' is not a reference this format knows`, where, refFix(body));
        return { kind: "empty", where };
    }
    return { kind: "ref", ref, text, where };
}
/** Fix text for a misspelled `${{...}}`. */
function refFix(body) {
    const forms = ["parent.inputs.<name>", "parent.jobs.<job>.outputs.<name>", "parent.outputs.<name>"];
    const head = body.split(".").slice(0, 2).join(".");
    const near = suggestion(head, ["parent.inputs", "parent.jobs", "parent.outputs", "search_space"]);
    return near.startsWith("Did you mean") ? `${near.replace(/\?$/, "")}…? References look like ${forms.join(", ")}` : `Use ${forms.join(", ")}`;
}
function parseOutputBinding(ctx, path, v) {
    const where = ctx.src.valueAt(path);
    if (v === null || v === undefined)
        return { where };
    if (typeof v === "string") {
        const body = wholeExpression(v);
        const ref = body === undefined ? undefined : parseRef(body);
        if (ref?.scope === "parent.outputs")
            return { parentOutput: ref.name, where };
        ctx.problems.add(`output '${String(path.at(-1))}' is bound to '${v}'`, where, "Bind a job output to `${{parent.outputs.<name>}}`, or give `type`/`mode`/`path`");
        return { where };
    }
    if (!isObj(v)) {
        ctx.problems.add(`output '${String(path.at(-1))}' is not a mapping`, where, "Give `type`, `mode` or `path`, or `${{parent.outputs.<name>}}`");
        return { where };
    }
    checkKeys(ctx, path, v, KEYS.outputDecl, "output key");
    const out = { where };
    if (typeof v.type === "string")
        out.type = v.type;
    if (typeof v.mode === "string")
        out.mode = v.mode;
    if (typeof v.path === "string") {
        const body = wholeExpression(v.path);
        const ref = body === undefined ? undefined : parseRef(body);
        if (ref?.scope === "parent.outputs")
            out.parentOutput = ref.name;
        else
            out.path = v.path;
    }
    return out;
}
function parseSweep(ctx, path, v) {
    const { src, problems } = ctx;
    const searchSpace = {};
    if (!isObj(v.search_space) || Object.keys(v.search_space).length === 0) {
        problems.add("sweep job has no search_space", src.at(path), "Add `search_space:` with at least one dimension, such as `lr: {type: uniform, min_value: 0.01, max_value: 0.1}`");
    }
    for (const [k, d] of Object.entries(isObj(v.search_space) ? v.search_space : {})) {
        const p = [...path, "search_space", k];
        if (!isObj(d)) {
            problems.add(`search space '${k}' is not a mapping`, src.at(p), "Write `type:` and its parameters");
            continue;
        }
        const type = String(d.type ?? "");
        const params = SEARCH_TYPES[type];
        if (!params) {
            problems.add(`search space type '${type}' is not known`, src.valueAt([...p, "type"]), suggestion(type, Object.keys(SEARCH_TYPES)));
            continue;
        }
        checkKeys(ctx, p, d, ["type", ...params], `${type} parameter`);
        const dim = { type, params: {}, where: src.at(p) };
        for (const name of params) {
            if (name === "values") {
                if (!Array.isArray(d.values) || d.values.length === 0)
                    problems.add(`choice '${k}' has no values`, src.at(p), "Give `values: [...]`");
                else
                    dim.values = d.values;
            }
            else if (typeof d[name] !== "number") {
                problems.add(`${type} '${k}' needs a number '${name}'`, src.at(p), `Set \`${name}:\``);
            }
            else
                dim.params[name] = d[name];
        }
        searchSpace[k] = dim;
    }
    const samplingRaw = v.sampling_algorithm ?? "random";
    const sampling = isObj(samplingRaw) ? samplingRaw : { type: samplingRaw };
    if (isObj(samplingRaw))
        checkKeys(ctx, [...path, "sampling_algorithm"], samplingRaw, KEYS.sampling, "sampling key");
    const samplingType = String(sampling.type);
    if (!["random", "grid", "bayesian"].includes(samplingType)) {
        problems.add(`sampling algorithm '${samplingType}' is not known`, src.valueAt([...path, "sampling_algorithm"]), suggestion(samplingType, ["random", "grid", "bayesian"]));
    }
    if (samplingType === "grid") {
        for (const [k, d] of Object.entries(searchSpace)) {
            if (d.type !== "choice")
                problems.add(`grid sampling needs choice dimensions; '${k}' is ${d.type}`, d.where, "Use `type: choice` with `values`, or random sampling");
        }
    }
    const objective = isObj(v.objective) ? v.objective : {};
    if (!isObj(v.objective))
        problems.add("sweep job has no objective", src.at(path), "Add `objective: {goal: maximize, primary_metric: <metric>}`");
    else
        checkKeys(ctx, [...path, "objective"], objective, KEYS.objective, "objective key");
    const goal = String(objective.goal ?? "maximize");
    if (goal !== "maximize" && goal !== "minimize") {
        problems.add(`objective goal '${goal}' is not known`, src.valueAt([...path, "objective", "goal"]), suggestion(goal, ["maximize", "minimize"]));
    }
    if (isObj(v.objective) && typeof objective.primary_metric !== "string") {
        problems.add("objective has no primary_metric", src.at([...path, "objective"]), "Name the metric the trials log, such as `primary_metric: r2`");
    }
    const limits = isObj(v.limits) ? v.limits : {};
    if (isObj(v.limits))
        checkKeys(ctx, [...path, "limits"], limits, KEYS.limits, "limit");
    const maxTotal = optNumber(ctx, [...path, "limits", "max_total_trials"], limits.max_total_trials);
    let earlyTermination;
    if (isObj(v.early_termination)) {
        const e = v.early_termination;
        const ep = [...path, "early_termination"];
        checkKeys(ctx, ep, e, KEYS.earlyTermination, "early termination key");
        const et = String(e.type ?? "");
        if (!["bandit", "median_stopping", "truncation_selection"].includes(et)) {
            problems.add(`early termination '${et}' is not known`, src.valueAt([...ep, "type"]), suggestion(et, ["bandit", "median_stopping", "truncation_selection"]));
        }
        else {
            if (et === "bandit" && e.slack_factor === undefined && e.slack_amount === undefined) {
                problems.add("bandit policy needs slack_factor or slack_amount", src.at(ep), "Set `slack_factor: 0.1`, for example");
            }
            earlyTermination = {
                type: et,
                evaluationInterval: optNumber(ctx, [...ep, "evaluation_interval"], e.evaluation_interval) ?? 1,
                delayEvaluation: optNumber(ctx, [...ep, "delay_evaluation"], e.delay_evaluation) ?? 0,
                slackFactor: optNumber(ctx, [...ep, "slack_factor"], e.slack_factor),
                slackAmount: optNumber(ctx, [...ep, "slack_amount"], e.slack_amount),
                truncationPercentage: optNumber(ctx, [...ep, "truncation_percentage"], e.truncation_percentage),
            };
        }
    }
    return {
        searchSpace,
        sampling: {
            type: samplingType,
            seed: typeof sampling.seed === "number" ? sampling.seed : undefined,
            rule: typeof sampling.rule === "string" ? sampling.rule : undefined,
        },
        objective: { goal: goal, primaryMetric: String(objective.primary_metric ?? "") },
        limits: {
            maxTotalTrials: maxTotal ?? (samplingType === "grid" ? Number.POSITIVE_INFINITY : 1000),
            maxConcurrentTrials: optNumber(ctx, [...path, "limits", "max_concurrent_trials"], limits.max_concurrent_trials) ?? maxTotal ?? 1,
            timeoutSeconds: optNumber(ctx, [...path, "limits", "timeout"], limits.timeout),
            trialTimeoutSeconds: optNumber(ctx, [...path, "limits", "trial_timeout"], limits.trial_timeout),
        },
        earlyTermination,
    };
}
// ---- small typed readers that record problems at the value's position ----
function checkKeys(ctx, path, v, allowed, what) {
    for (const k of Object.keys(v)) {
        if (!allowed.includes(k))
            ctx.problems.add(`unknown ${what} '${k}'`, ctx.src.at([...path, k]), suggestion(k, allowed));
    }
}
function optString(ctx, path, v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === "string" || typeof v === "number")
        return String(v);
    ctx.problems.add(`'${String(path.at(-1))}' must be text`, ctx.src.valueAt(path), "Write it as a string");
    return undefined;
}
function optBool(ctx, path, v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === "boolean")
        return v;
    ctx.problems.add(`'${String(path.at(-1))}' must be true or false`, ctx.src.valueAt(path), "Write true or false");
    return undefined;
}
function optNumber(ctx, path, v) {
    if (v === undefined || v === null)
        return undefined;
    if (typeof v === "number" && Number.isFinite(v))
        return v;
    ctx.problems.add(`'${String(path.at(-1))}' must be a number`, ctx.src.valueAt(path), "Write a number, such as 3600");
    return undefined;
}
function stringMap(ctx, path, v) {
    if (v === undefined || v === null)
        return {};
    if (!isObj(v)) {
        ctx.problems.add(`'${String(path.at(-1))}' must be a mapping`, ctx.src.valueAt(path), "Write `key: value` pairs");
        return {};
    }
    const out = {};
    for (const [k, x] of Object.entries(v))
        out[k] = x === null || x === undefined ? "" : String(x);
    return out;
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/plan.js





/** Validates the pipeline and plans it. Problems go to `problems`; the plan is only valid when it is empty. */
function planPipeline(job, problems = new Problems()) {
    const steps = [];
    const parentInputs = {};
    for (const [name, input] of Object.entries(job.inputs)) {
        if (input.kind === "literal") {
            parentInputs[name] = { input: input.value === undefined ? { kind: "none" } : { kind: "value", value: input.value }, type: input.type };
        }
        else {
            parentInputs[name] = {
                input: input.path === undefined ? { kind: "none" } : { kind: "data", type: input.type, path: input.path, baseDir: input.baseDir, mode: input.mode },
                type: input.type,
            };
        }
    }
    const top = { prefix: "", jobs: job.jobs, parentInputs, parentOutputs: Object.keys(job.outputs) };
    planLevel(top, steps, problems);
    for (const c of new Set(steps.map((s) => s.component)))
        checkCommand(c, problems);
    const outputs = {};
    for (const [name, node] of Object.entries(job.jobs)) {
        for (const [out, binding] of Object.entries(node.outputs)) {
            if (!binding.parentOutput || !(binding.parentOutput in job.outputs))
                continue;
            const source = outputSource(top, name, out, problems, binding.where);
            if (source)
                outputs[binding.parentOutput] = { step: source.step, output: source.output };
        }
    }
    for (const [name, out] of Object.entries(job.outputs)) {
        if (!outputs[name])
            problems.add(`pipeline output '${name}' is bound to no job output`, out.where, `Bind a job output to it: \`outputs: {<output>: \${{parent.outputs.${name}}}}\``);
    }
    return { plan: { job, steps: order(steps), levels: levels(steps), outputs }, problems };
}
function planLevel(level, steps, problems) {
    findCycles(level, problems);
    for (const [name, node] of Object.entries(level.jobs)) {
        const component = node.component;
        const registered = component.origin.kind === "registered" || node.type === "spark";
        const decls = component.inputs;
        const resolved = {};
        const searchNames = Object.keys(node.sweep?.searchSpace ?? {});
        for (const [input, binding] of Object.entries(node.inputs)) {
            if (!registered && !(input in decls)) {
                problems.add(`job '${name}' has no input '${input}'`, binding.where, suggestion(input, Object.keys(decls), "an input of its component"));
                continue;
            }
            const r = resolveBinding(level, name, binding, problems);
            if (!r)
                continue;
            if (decls[input])
                checkType(name, input, decls[input], r, binding.where, problems);
            resolved[input] = r;
        }
        for (const s of searchNames) {
            if (!registered && !(s in decls)) {
                problems.add(`search space '${s}' is not an input of the trial`, node.sweep.searchSpace[s].where, suggestion(s, Object.keys(decls), "an input of the trial component"));
            }
            else
                resolved[s] = { input: { kind: "search", name: s } };
        }
        for (const [input, decl] of Object.entries(decls)) {
            const r = resolved[input];
            if (r && r.input.kind !== "none")
                continue;
            if (decl.default !== undefined)
                resolved[input] = { input: { kind: "value", value: decl.default }, type: decl.type };
            else if (!decl.optional) {
                problems.add(`job '${name}' needs input '${input}' (${decl.type}), which is ${r ? "bound to nothing" : "not given"}`, r ? (node.inputs[input]?.where ?? node.where) : node.where, `Bind it under \`jobs.${name}.inputs.${input}\`, give it a value in the pipeline's inputs, or mark it \`optional: true\``);
            }
            else
                resolved[input] = { input: { kind: "none" } };
        }
        for (const [out, binding] of Object.entries(node.outputs)) {
            if (!registered && !(out in component.outputs)) {
                problems.add(`job '${name}' has no output '${out}'`, binding.where, suggestion(out, Object.keys(component.outputs), "an output of its component"));
            }
            if (binding.parentOutput && !level.parentOutputs.includes(binding.parentOutput)) {
                problems.add(`'\${{parent.outputs.${binding.parentOutput}}}' names no output of the ${level.prefix ? "pipeline component" : "pipeline"}`, binding.where, suggestion(binding.parentOutput, level.parentOutputs, "a declared output"));
            }
        }
        if (node.type === "pipeline") {
            if (component.origin.kind === "registered") {
                problems.add(`job '${name}' uses registered pipeline component '${component.origin.ref}'`, node.where, "Only the azureml backend can read registered components; refer to its YAML file instead");
                continue;
            }
            planLevel({ prefix: `${level.prefix}${name}/`, jobs: component.jobs ?? {}, parentInputs: resolved, parentOutputs: Object.keys(component.outputs) }, steps, problems);
            continue;
        }
        const inputs = {};
        for (const [k, r] of Object.entries(resolved))
            inputs[k] = r.input;
        const outputs = {};
        for (const [k, decl] of Object.entries(component.outputs)) {
            const b = node.outputs[k];
            outputs[k] = { type: b?.type ?? decl.type, mode: b?.mode ?? decl.mode };
        }
        for (const k of Object.keys(node.outputs))
            if (registered && !outputs[k])
                outputs[k] = { type: node.outputs[k].type ?? "uri_folder" };
        const deps = [...new Set(Object.values(inputs).flatMap((i) => (i.kind === "step" ? [i.step] : [])))];
        steps.push({
            id: `${level.prefix}${name}`,
            node,
            component,
            inputs,
            outputs,
            deps,
            environmentVariables: { ...component.environmentVariables, ...node.environmentVariables },
            timeoutSeconds: node.timeoutSeconds,
        });
    }
}
function resolveBinding(level, job, b, problems) {
    switch (b.kind) {
        case "literal":
            return { input: { kind: "value", value: b.value }, type: typeof b.value === "number" ? "number" : typeof b.value === "boolean" ? "boolean" : "string" };
        case "data":
            return { input: { kind: "data", type: b.type, path: b.path, baseDir: b.baseDir, mode: b.mode }, type: b.type };
        case "empty":
            return { input: { kind: "none" } };
        case "ref": {
            const ref = b.ref;
            if (ref.scope === "parent.inputs") {
                const p = level.parentInputs[ref.name];
                if (!p) {
                    problems.add(`'${b.text}' names no input of the ${level.prefix ? "pipeline component" : "pipeline"}`, b.where, suggestion(ref.name, Object.keys(level.parentInputs), "a declared input"));
                    return undefined;
                }
                const input = p.input.kind === "data" && b.mode ? { ...p.input, mode: b.mode } : p.input;
                return { input, type: p.type };
            }
            if (ref.scope === "parent.jobs") {
                if (!(ref.job in level.jobs)) {
                    problems.add(`'${b.text}' names no job '${ref.job}'`, b.where, suggestion(ref.job, Object.keys(level.jobs).filter((j) => j !== job), "a job of this pipeline"));
                    return undefined;
                }
                if (ref.job === job) {
                    problems.add(`job '${job}' reads its own output`, b.where, "A job can only read outputs of other jobs");
                    return undefined;
                }
                const source = outputSource(level, ref.job, ref.output, problems, b.where);
                if (!source)
                    return undefined;
                return { input: { kind: "step", step: source.step, output: source.output, type: source.type }, type: source.type };
            }
            problems.add(`'${b.text}' cannot be used as a job input`, b.where, refFix(ref.scope));
            return undefined;
        }
    }
}
/** The leaf step output behind `${{parent.jobs.<job>.outputs.<output>}}`, through nested pipeline components. */
function outputSource(level, job, output, problems, where) {
    const node = level.jobs[job];
    const c = node.component;
    const known = c.origin.kind === "registered" || node.type === "spark";
    if (!known && !(output in c.outputs)) {
        problems.add(`job '${job}' has no output '${output}'`, where, suggestion(output, Object.keys(c.outputs), "an output of its component"));
        return undefined;
    }
    if (node.type !== "pipeline")
        return { step: `${level.prefix}${job}`, output, type: node.outputs[output]?.type ?? c.outputs[output]?.type ?? "uri_folder" };
    const inner = Object.entries(c.jobs ?? {}).find(([, n]) => Object.values(n.outputs).some((o) => o.parentOutput === output));
    if (!inner) {
        problems.add(`output '${output}' of pipeline component '${c.name ?? job}' is bound to no job output`, c.outputs[output]?.where ?? node.where, `Bind a job output to \`\${{parent.outputs.${output}}}\` inside the component`);
        return undefined;
    }
    const [innerName, innerNode] = inner;
    const innerOut = Object.entries(innerNode.outputs).find(([, o]) => o.parentOutput === output)[0];
    const sub = { prefix: `${level.prefix}${job}/`, jobs: c.jobs ?? {}, parentInputs: {}, parentOutputs: [] };
    return outputSource(sub, innerName, innerOut, problems, where);
}
const COMPATIBLE = {
    uri_file: ["uri_file"],
    uri_folder: ["uri_folder", "mltable", "mlflow_model", "custom_model", "triton_model"],
    mltable: ["mltable", "uri_folder", "uri_file"],
    mlflow_model: ["mlflow_model", "uri_folder", "custom_model"],
    custom_model: ["custom_model", "uri_folder", "mlflow_model"],
    triton_model: ["triton_model", "uri_folder", "custom_model"],
};
function checkType(job, input, decl, r, where, problems) {
    if (decl.inferred || r.input.kind === "none" || r.input.kind === "search")
        return;
    const gotData = r.input.kind === "data" || r.input.kind === "step";
    const wantData = isDataType(decl.type);
    const label = `job '${job}' input '${input}'`;
    if (wantData && !gotData) {
        problems.add(`${label} is ${decl.type} but is given the value '${String(r.input.value)}'`, where, `Bind it to data: \`{type: ${decl.type}, path: ...}\` or another job's output`);
        return;
    }
    if (!wantData && gotData) {
        problems.add(`${label} is ${decl.type} but is bound to ${r.type ?? "data"}`, where, `Give a ${decl.type} value`);
        return;
    }
    if (wantData && r.type && isDataType(r.type) && !COMPATIBLE[decl.type]?.includes(r.type)) {
        problems.add(`${label} is ${decl.type} but is bound to ${r.type}`, where, `Bind a ${decl.type}, or change the input's type`);
        return;
    }
    if (r.input.kind !== "value")
        return;
    const v = r.input.value;
    const text = String(v);
    if (decl.type === "integer" && !/^[-+]?\d+$/.test(text.trim()))
        problems.add(`${label} is an integer but is '${text}'`, where, "Give a whole number");
    else if (decl.type === "number" && (text.trim() === "" || !Number.isFinite(Number(text))))
        problems.add(`${label} is a number but is '${text}'`, where, "Give a number such as 0.1");
    else if (decl.type === "boolean" && !["true", "false"].includes(text.toLowerCase()))
        problems.add(`${label} is a boolean but is '${text}'`, where, "Give true or false");
    else if (decl.enum && !decl.enum.map(String).includes(text))
        problems.add(`${label} is '${text}'`, where, `Use one of: ${decl.enum.join(", ")}`);
    else if ((decl.min !== undefined && Number(v) < decl.min) || (decl.max !== undefined && Number(v) > decl.max)) {
        problems.add(`${label} is ${text}, outside [${decl.min ?? "-∞"}, ${decl.max ?? "∞"}]`, where, "Give a value inside the declared range");
    }
}
/** Checks a command's `${{inputs.x}}` / `${{outputs.y}}` against the component's declarations. */
function checkCommand(component, problems) {
    const command = component.command;
    if (!command)
        return;
    const where = component.commandWhere ?? component.where;
    for (const e of findExpressions(command)) {
        const own = parseOwnRef(e.body);
        const at = positionIn(where, command, e.index);
        if (!own) {
            problems.add(`'${e.text}' in the command is not \${{inputs.<name>}} or \${{outputs.<name>}}`, at, suggestion(e.body.split(".")[0], ["inputs", "outputs"]));
            continue;
        }
        const names = Object.keys(own.kind === "inputs" ? component.inputs : component.outputs);
        if (!names.includes(own.name)) {
            problems.add(`'${e.text}' in the command names no declared ${own.kind === "inputs" ? "input" : "output"}`, at, suggestion(own.name, names, `one of the declared ${own.kind}`));
        }
    }
    for (const s of findOptionalSections(command)) {
        if (findExpressions(s.inner).length === 0)
            problems.add(`'${s.text}' holds no \${{inputs.<name>}}`, positionIn(where, command, s.index), "Put the optional input inside $[[...]]");
    }
}
/** The column of a character inside a one-line value; the value's own position otherwise. */
function positionIn(where, text, index) {
    if (text.includes("\n") || where.column === undefined)
        return where;
    return { ...where, column: where.column + index };
}
function findCycles(level, problems) {
    const deps = (name) => Object.values(level.jobs[name].inputs).flatMap((b) => (b.kind === "ref" && b.ref.scope === "parent.jobs" && b.ref.job in level.jobs ? [b.ref.job] : []));
    const state = new Map();
    const stack = [];
    const visit = (n) => {
        if (state.get(n) === "done")
            return false;
        if (state.get(n) === "visiting") {
            const cycle = [...stack.slice(stack.indexOf(n)), n];
            problems.add(`jobs form a cycle: ${cycle.map((c) => level.prefix + c).join(" → ")}`, level.jobs[n].where, "Remove one of these references so the jobs can run in order");
            return true;
        }
        state.set(n, "visiting");
        stack.push(n);
        for (const d of deps(n))
            if (d !== n && visit(d))
                return true;
        stack.pop();
        state.set(n, "done");
        return false;
    };
    for (const n of Object.keys(level.jobs))
        if (visit(n))
            break;
}
function order(steps) {
    const byId = new Map(steps.map((s) => [s.id, s]));
    const out = [];
    const seen = new Set();
    const visit = (s, path) => {
        if (seen.has(s.id) || path.has(s.id))
            return;
        path.add(s.id);
        for (const d of s.deps) {
            const dep = byId.get(d);
            if (dep)
                visit(dep, path);
        }
        seen.add(s.id);
        out.push(s);
    };
    for (const s of steps)
        visit(s, new Set());
    return out;
}
function levels(steps) {
    const depth = new Map();
    const byId = new Map(steps.map((s) => [s.id, s]));
    const get = (id, guard) => {
        if (depth.has(id))
            return depth.get(id);
        if (guard.has(id))
            return 0;
        guard.add(id);
        const s = byId.get(id);
        const d = s && s.deps.length > 0 ? Math.max(...s.deps.map((x) => get(x, guard))) + 1 : 0;
        depth.set(id, d);
        return d;
    };
    const out = [];
    for (const s of steps) {
        const d = get(s.id, new Set());
        (out[d] ??= []).push(s.id);
    }
    return out.filter(Boolean);
}

;// CONCATENATED MODULE: ./build/bundle/workspace/workspace.js
const TERMINAL_STATUSES = ["Completed", "Failed", "Canceled"];

;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./build/bundle/workspace/local/models.js





/** Versioned models in the local workspace, laid out like datasets under `models/<name>/`. */
class LocalModels {
    root;
    constructor(root) {
        this.root = root;
    }
    dir(name) {
        return (0,external_node_path_namespaceObject.join)(this.root, "models", name);
    }
    async list(name) {
        const versions = (await listDir(this.dir(name)))
            .filter((f) => f.endsWith(".json"))
            .map((f) => f.slice(0, -5))
            .sort((a, b) => Number(a) - Number(b));
        const out = [];
        for (const v of versions) {
            const rec = await readJson((0,external_node_path_namespaceObject.join)(this.dir(name), `${v}.json`));
            if (rec)
                out.push(rec);
        }
        return out;
    }
    async get(name, version) {
        if (version === "latest")
            return (await this.list(name)).at(-1);
        return readJson((0,external_node_path_namespaceObject.join)(this.dir(name), `${version}.json`));
    }
    async register(model, log) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(model.source)) {
            throw new UserError(`'${model.source}' is a remote URI; the local workspace registers local files only`);
        }
        const fp = await fingerprint(model.source, "candidate");
        for (const f of fp.files) {
            await putBlob(this.root, fp.isFile ? model.source : (0,external_node_path_namespaceObject.join)(model.source, f.path), f.sha256);
            await (0,promises_.chmod)(blobPath(this.root, f.sha256), 0o444).catch(() => { });
        }
        return withLock(this.root, async () => {
            const version = nextVersion((await this.list(model.name)).map((m) => m.version));
            const dir = (0,external_node_path_namespaceObject.join)(this.dir(model.name), version);
            for (const f of fp.files)
                await materialize(this.root, f.sha256, (0,external_node_path_namespaceObject.join)(dir, f.path));
            const record = {
                name: model.name,
                version,
                uri: fp.isFile ? (0,external_node_path_namespaceObject.join)(dir, fp.files[0].path) : dir,
                description: model.description,
                tags: { ...model.tags, fingerprint: fp.digest },
                metrics: model.metrics,
                createdAt: new Date().toISOString(),
                files: fp.files,
            };
            await writeJson((0,external_node_path_namespaceObject.join)(this.dir(model.name), `${version}.json`), record);
            log.info(`Registered model ${model.name}:${version}`);
            return record;
        });
    }
    async setTags(name, version, tags) {
        return withLock(this.root, async () => {
            const file = (0,external_node_path_namespaceObject.join)(this.dir(name), `${version}.json`);
            const rec = await readJson(file);
            if (!rec)
                throw new UserError(`model ${name}:${version} does not exist`);
            for (const [k, v] of Object.entries(tags)) {
                if (v === null)
                    delete rec.tags[k];
                else
                    rec.tags[k] = v;
            }
            await writeJson(file, rec);
            return rec;
        });
    }
    async localPath(model) {
        return model.uri;
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/data.js
/**
 * Where a data input's files are, locally: a path in the checkout, a dataset or model registered
 * in the local workspace (`azureml:name:version`, `azureml:name@latest`), or a web URL downloaded
 * once into the workspace cache.
 */










const MODEL_TYPES = new Set(["mlflow_model", "custom_model", "triton_model"]);
class DataResolver {
    root;
    datasets;
    models;
    downloads = new Map();
    constructor(root) {
        this.root = root;
        this.datasets = new LocalDatasets(root);
        this.models = new LocalModels(root);
    }
    /** A local path holding the data. */
    async resolve(data, log, signal) {
        const p = data.path;
        if (/^https?:\/\//i.test(p)) {
            const file = await this.download(p, log, signal);
            // A folder input from a URL is the folder the downloaded file sits in (alone).
            return data.type === "uri_file" ? file : (0,external_node_path_namespaceObject.dirname)(file);
        }
        if (p.startsWith("azureml://")) {
            throw new UserError(`data at '${p}' lives in an Azure ML datastore`, { input: "pipeline" }, "Run with backend azureml, or register the data locally with register-dataset and use `azureml:<name>:<version>`");
        }
        if (p.startsWith("azureml:"))
            return this.registered(p.slice("azureml:".length), data.type, log);
        const local = (0,external_node_path_namespaceObject.resolve)(data.baseDir, p.replace(/^file:(\/\/)?/, ""));
        if (!(await exists(local))) {
            throw new UserError(`input data '${p}' does not exist (looked for ${local})`, { input: "pipeline" }, "Fix the path; relative paths resolve against the YAML file's folder");
        }
        return local;
    }
    async registered(ref, type, log) {
        const m = /^([^:@]+)(?::([^:@]+)|@([A-Za-z]+))?$/.exec(ref);
        if (!m)
            throw new UserError(`'azureml:${ref}' is not a name:version reference`, { input: "pipeline" }, "Write azureml:<name>:<version> or azureml:<name>@latest");
        const [, name, version, label] = m;
        const v = version ?? (label === "latest" || label === undefined ? "latest" : label);
        if (MODEL_TYPES.has(type)) {
            const model = await this.models.get(name, v);
            if (!model)
                throw new UserError(`model 'azureml:${ref}' is not in the local workspace`, { input: "pipeline" }, "Register it first (compare-models with register: true), or fix the name and version");
            return this.models.localPath(model);
        }
        const dataset = await this.datasets.get(name, v);
        if (!dataset)
            throw new UserError(`dataset 'azureml:${ref}' is not in the local workspace (${this.root})`, { input: "pipeline" }, "Register it first with register-dataset, or fix the name and version");
        log.debug(`azureml:${ref} → ${dataset.uri}`);
        return this.datasets.localPath(dataset);
    }
    /** Downloads a URL once per workspace; later runs (and parallel steps) reuse the cached file. */
    download(url, log, signal) {
        let pending = this.downloads.get(url);
        if (!pending) {
            pending = (async () => {
                const digest = (0,external_node_crypto_namespaceObject.createHash)("sha256").update(url).digest("hex");
                const name = (0,external_node_path_namespaceObject.basename)(new URL(url).pathname) || "data";
                const target = (0,external_node_path_namespaceObject.join)(this.root, "cache", "web", digest.slice(0, 16), name);
                if (await exists(target)) {
                    log.info(`Using the cached download of ${url}`);
                    return target;
                }
                log.info(`Downloading ${url}`);
                const response = await fetch(url, { signal });
                if (!response.ok || !response.body) {
                    throw new UserError(`downloading '${url}' failed: HTTP ${response.status}`, { input: "pipeline" }, "Check the URL is reachable from this runner");
                }
                await (0,promises_.mkdir)((0,external_node_path_namespaceObject.dirname)(target), { recursive: true });
                const tmp = `${target}.tmp-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString("hex")}`;
                try {
                    await (0,external_node_stream_promises_namespaceObject.pipeline)(external_node_stream_namespaceObject.Readable.fromWeb(response.body), (0,external_node_fs_namespaceObject.createWriteStream)(tmp));
                    await (0,promises_.rename)(tmp, target);
                }
                catch (error) {
                    await (0,promises_.rm)(tmp, { force: true });
                    throw error;
                }
                return target;
            })();
            this.downloads.set(url, pending);
            pending.catch(() => this.downloads.delete(url));
        }
        return pending;
    }
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/sweep.js
/** A small seeded generator (mulberry32): deterministic trials for a given seed. */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function gaussian(rand) {
    const u = Math.max(rand(), Number.EPSILON);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
const roundTo = (x, q) => Math.round(x / q) * q;
/** One value from one dimension, with Azure ML's meaning of each distribution's parameters. */
function sampleDimension(d, rand) {
    const p = d.params;
    const uniform = () => p.min_value + rand() * (p.max_value - p.min_value);
    const normal = () => p.mu + p.sigma * gaussian(rand);
    switch (d.type) {
        case "choice": {
            const values = d.values ?? [];
            return values[Math.floor(rand() * values.length)];
        }
        case "uniform":
            return uniform();
        case "loguniform":
            // Azure ML: exp(uniform(min_value, max_value)): the bounds are exponents.
            return Math.exp(uniform());
        case "quniform":
            return roundTo(uniform(), p.q);
        case "qloguniform":
            return roundTo(Math.exp(uniform()), p.q);
        case "randint":
            return Math.floor(rand() * p.upper);
        case "normal":
            return normal();
        case "lognormal":
            return Math.exp(normal());
        case "qnormal":
            return roundTo(normal(), p.q);
        case "qlognormal":
            return roundTo(Math.exp(normal()), p.q);
        default:
            throw new Error(`unknown search space type ${d.type}`);
    }
}
/**
 * The trials to run. Grid: every combination of the choice values (up to max_total_trials).
 * Random: independent samples from a seeded generator. Bayesian needs Azure's model-based
 * sampler; locally it samples like random (the runner says so in the log).
 */
function sampleTrials(spec, fallbackSeed) {
    const names = Object.keys(spec.searchSpace);
    const max = spec.limits.maxTotalTrials;
    if (spec.sampling.type === "grid") {
        let grid = [{}];
        for (const n of names) {
            const values = (spec.searchSpace[n].values ?? []);
            grid = grid.flatMap((a) => values.map((v) => ({ ...a, [n]: v })));
        }
        return grid.slice(0, Number.isFinite(max) ? max : grid.length);
    }
    const rand = seededRandom(spec.sampling.seed ?? fallbackSeed);
    const out = [];
    const seen = new Set();
    const onlyChoices = names.every((n) => spec.searchSpace[n].type === "choice");
    const space = onlyChoices ? names.reduce((acc, n) => acc * (spec.searchSpace[n].values?.length ?? 1), 1) : Number.POSITIVE_INFINITY;
    const count = Math.min(Number.isFinite(max) ? max : 1000, space);
    for (let guard = 0; out.length < count && guard < count * 50; guard++) {
        const a = {};
        for (const n of names)
            a[n] = sampleDimension(spec.searchSpace[n], rand);
        const key = JSON.stringify(a);
        // With a finite space, do not spend trials on a combination already tried.
        if (onlyChoices && seen.has(key))
            continue;
        seen.add(key);
        out.push(a);
    }
    return out;
}
/** Is `a` better than `b` for this goal? */
function better(goal, a, b) {
    return goal === "maximize" ? a > b : a < b;
}
/**
 * Early termination: should the trial whose primary-metric history is `mine` stop, given the
 * histories of all trials (including itself)? Evaluated when `mine` reaches an evaluation
 * point (every `evaluation_interval` reports, after `delay_evaluation`), as Azure ML does.
 */
function shouldTerminate(spec, mine, all) {
    const policy = spec.earlyTermination;
    if (!policy)
        return false;
    const n = mine.length;
    const interval = Math.max(1, policy.evaluationInterval);
    if (n === 0 || n <= policy.delayEvaluation || n % interval !== 0)
        return false;
    const goal = spec.objective.goal;
    const at = (h) => h[Math.min(n, h.length) - 1];
    const peers = all.filter((h) => h.length > 0);
    const current = mine[n - 1];
    switch (policy.type) {
        case "bandit": {
            const best = peers.map(at).reduce((b, v) => (better(goal, v, b) ? v : b));
            let bound;
            if (policy.slackAmount !== undefined)
                bound = goal === "maximize" ? best - policy.slackAmount : best + policy.slackAmount;
            else {
                const f = policy.slackFactor ?? 0;
                bound = goal === "maximize" ? best / (1 + f) : best * (1 + f);
            }
            return goal === "maximize" ? current < bound : current > bound;
        }
        case "median_stopping": {
            // The trial's best so far against the median of the running averages of all trials.
            const averages = peers.map((h) => {
                const part = h.slice(0, Math.min(n, h.length));
                return part.reduce((s, v) => s + v, 0) / part.length;
            });
            averages.sort((a, b) => a - b);
            const mid = averages.length % 2 ? averages[(averages.length - 1) / 2] : (averages[averages.length / 2 - 1] + averages[averages.length / 2]) / 2;
            const bestSoFar = mine.reduce((b, v) => (better(goal, v, b) ? v : b));
            return better(goal, mid, bestSoFar);
        }
        case "truncation_selection": {
            // Cancel the lowest-performing percentage of trials at this interval.
            const pct = policy.truncationPercentage ?? 0;
            const ranked = peers.map(at).sort((a, b) => (goal === "maximize" ? a - b : b - a));
            const cut = Math.floor((ranked.length * pct) / 100);
            return cut > 0 && ranked.indexOf(current) < cut && peers.length > 1;
        }
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/metrics.js
/**
 * Metrics a step logged: MLflow's file store (`mlruns/<experiment>/<run>/metrics/<name>`, one
 * `timestamp value step` line per logged value; the last line wins) and `metrics.json` files.
 */



/** All metrics in an MLflow file store, last value of each. Later runs win on a name clash. */
async function readMlflowMetrics(mlruns) {
    const out = {};
    for (const experiment of await listDir(mlruns)) {
        if (experiment.startsWith(".") || experiment === "models")
            continue;
        for (const run of await listDir((0,external_node_path_namespaceObject.join)(mlruns, experiment))) {
            for (const [name, values] of Object.entries(await readRunMetricHistory((0,external_node_path_namespaceObject.join)(mlruns, experiment, run)))) {
                const last = values.at(-1);
                if (last !== undefined)
                    out[name] = last.value;
            }
        }
    }
    return out;
}
/** Every value of every metric of one run folder, in logged order. Metric names may contain `/`. */
async function readRunMetricHistory(runDir) {
    const out = {};
    const walk = async (dir, prefix) => {
        for (const entry of await listDir(dir)) {
            const file = (0,external_node_path_namespaceObject.join)(dir, entry);
            let text;
            try {
                text = await (0,promises_.readFile)(file, "utf8");
            }
            catch (error) {
                if (error.code === "EISDIR")
                    await walk(file, `${prefix}${entry}/`);
                continue;
            }
            const points = [];
            for (const line of text.split("\n")) {
                const [, value, step] = line.trim().split(/\s+/);
                const v = Number(value);
                if (value !== undefined && Number.isFinite(v))
                    points.push({ value: v, step: Number(step) || 0 });
            }
            if (points.length > 0)
                out[prefix + entry] = points;
        }
    };
    await walk((0,external_node_path_namespaceObject.join)(runDir, "metrics"), "");
    return out;
}
/** Numeric entries of a `metrics.json` (nested objects flattened with `.`); empty when absent or unreadable. */
async function readMetricsJson(file) {
    let value;
    try {
        value = JSON.parse(await (0,promises_.readFile)(file, "utf8"));
    }
    catch {
        return {};
    }
    const out = {};
    const walk = (v, prefix) => {
        if (typeof v === "number" && Number.isFinite(v))
            out[prefix] = v;
        else if (v && typeof v === "object" && !Array.isArray(v)) {
            for (const [k, x] of Object.entries(v))
                walk(x, prefix ? `${prefix}.${k}` : k);
        }
    };
    walk(value, "");
    return out;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/reuse.js
/**
 * Step reuse, as Azure ML does it: a step whose component, code, command and input contents are
 * unchanged gets the outputs of the earlier run instead of running again. The key is a sha256 over
 * those; the cache maps it to the earlier step's outputs and metrics.
 */




/** sha256 over sorted relative paths and contents; stable for empty folders and missing paths. */
async function contentDigest(path, ignore = () => false) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)("sha256");
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch {
        return "missing";
    }
    if (!info.isDirectory())
        return `file:${await sha256File(path)}`;
    const files = [];
    const walk = async (dir) => {
        for (const e of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
            const full = (0,external_node_path_namespaceObject.join)(dir, e.name);
            const rel = (0,external_node_path_namespaceObject.relative)(path, full).split(external_node_path_namespaceObject.sep).join("/");
            if (ignore(rel))
                continue;
            if (e.isDirectory())
                await walk(full);
            else if (e.isFile())
                files.push(full);
        }
    };
    await walk(path);
    files.sort();
    for (const f of files)
        hash.update(`${(0,external_node_path_namespaceObject.relative)(path, f).split(external_node_path_namespaceObject.sep).join("/")}\0${await sha256File(f)}\n`);
    return `dir:${hash.digest("hex")}`;
}
/** Files a code snapshot leaves out: caches and VCS folders that change without changing the code. */
const IGNORED_CODE = (rel) => /(^|\/)(__pycache__|\.git|\.ipynb_checkpoints|mlruns)(\/|$)/.test(rel) || rel.endsWith(".pyc");
function reuseKey(parts) {
    const c = parts.component;
    const canonical = JSON.stringify({
        v: 1,
        type: c.type,
        command: c.command,
        environment: c.environment ?? null,
        code: parts.codeDigest ?? null,
        inputs: sortKeys(parts.inputs),
        outputs: sortKeys(parts.outputs),
        env: sortKeys(parts.environmentVariables),
        extra: parts.extra ?? null,
    });
    return (0,external_node_crypto_namespaceObject.createHash)("sha256").update(canonical).digest("hex");
}
function sortKeys(o) {
    return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
class StepCache {
    root;
    constructor(root) {
        this.root = root;
    }
    file(key) {
        return (0,external_node_path_namespaceObject.join)(this.root, "cache", "steps", key.slice(0, 2), `${key}.json`);
    }
    /** The earlier run with this key, when its outputs are still there. */
    async get(key) {
        const hit = await readJson(this.file(key));
        if (!hit)
            return undefined;
        for (const p of Object.values(hit.outputs))
            if (!(await exists(p)))
                return undefined;
        return hit;
    }
    async put(entry) {
        await writeJson(this.file(entry.key), entry);
    }
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/shell-words.js
/**
 * Splits a component's command into argument arrays the way a POSIX shell would split words,
 * so steps run without a shell: quotes, backslashes, `$VAR` from the step's environment, and
 * `&&` / `;` / newlines between commands. Pipes, redirections and command substitution need a
 * real shell and are refused with the reason.
 */

/** One argv per command; `${{...}}` references are kept whole inside words for later substitution. */
function splitCommand(command, options = {}) {
    const env = options.env ?? {};
    const commands = [];
    let argv = [];
    let word = "";
    let inWord = false;
    const refuse = (what) => {
        throw new UserError(`the command uses ${what}, which needs a shell`, options.where ?? {}, "Local steps run without a shell: move that logic into the step's script, or use `&&` between plain commands");
    };
    const endWord = () => {
        if (inWord)
            argv.push(word);
        word = "";
        inWord = false;
    };
    const endCommand = () => {
        endWord();
        if (argv.length > 0)
            commands.push(argv);
        argv = [];
    };
    const expand = (i) => {
        // At `$`: `${{...}}` is kept as written; `${NAME}` and `$NAME` expand from the environment.
        if (command.startsWith("${{", i)) {
            const end = command.indexOf("}}", i);
            if (end < 0)
                return ["${{", i + 3];
            return [command.slice(i, end + 2), end + 2];
        }
        if (command[i + 1] === "(")
            refuse("command substitution `$(...)`");
        if (command[i + 1] === "{") {
            const end = command.indexOf("}", i);
            const name = command.slice(i + 2, end);
            if (end < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                refuse(`the expansion '${command.slice(i, end + 1)}'`);
            return [env[name] ?? "", end + 1];
        }
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(command.slice(i + 1));
        if (!m)
            return ["$", i + 1];
        return [env[m[0]] ?? "", i + 1 + m[0].length];
    };
    let i = 0;
    while (i < command.length) {
        const c = command[i];
        if (c === "\\" && command[i + 1] === "\n") {
            i += 2;
        }
        else if (c === " " || c === "\t" || c === "\r") {
            endWord();
            i++;
        }
        else if (c === "\n" || c === ";") {
            endCommand();
            i++;
        }
        else if (c === "&" && command[i + 1] === "&") {
            if (argv.length === 0 && !inWord)
                refuse("`&&` with no command before it");
            endCommand();
            i += 2;
        }
        else if (c === "#" && !inWord) {
            while (i < command.length && command[i] !== "\n")
                i++;
        }
        else if (c === "|") {
            refuse(command[i + 1] === "|" ? "`||`" : "a pipe `|`");
        }
        else if (c === ">" || c === "<") {
            refuse(`a redirection \`${c}\``);
        }
        else if (c === "&") {
            refuse("a background `&`");
        }
        else if (c === "`") {
            refuse("command substitution with backquotes");
        }
        else if (c === "'") {
            const end = command.indexOf("'", i + 1);
            if (end < 0)
                throw new UserError("the command has an unclosed single quote", options.where ?? {}, "Close the quote");
            word += command.slice(i + 1, end);
            inWord = true;
            i = end + 1;
        }
        else if (c === '"') {
            inWord = true;
            i++;
            for (;;) {
                if (i >= command.length)
                    throw new UserError("the command has an unclosed double quote", options.where ?? {}, "Close the quote");
                const d = command[i];
                if (d === '"') {
                    i++;
                    break;
                }
                if (d === "\\" && '"\\$`\n'.includes(command[i + 1] ?? "")) {
                    if (command[i + 1] !== "\n")
                        word += command[i + 1];
                    i += 2;
                }
                else if (d === "$") {
                    const [text, next] = expand(i);
                    word += text;
                    i = next;
                }
                else if (d === "`") {
                    refuse("command substitution with backquotes");
                }
                else {
                    word += d;
                    i++;
                }
            }
        }
        else if (c === "\\") {
            word += command[i + 1] ?? "";
            inWord = true;
            i += 2;
        }
        else if (c === "$") {
            const [text, next] = expand(i);
            word += text;
            // An unquoted expansion to nothing is no word at all, as in a shell.
            inWord = inWord || text !== "" || command.startsWith("${{", i);
            i = next;
        }
        else {
            word += c;
            inWord = true;
            i++;
        }
    }
    endCommand();
    return commands;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/process.js
/**
 * Runs one step command as a child process: argument array, no shell, its own process group so
 * the whole tree can be stopped, output streamed line by line and kept in a log file.
 */


const live = new Set();
let exitHookInstalled = false;
/** Stops every process group we started if this process exits first, so no step outlives the runner. */
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.on("exit", () => {
        for (const pid of live)
            killGroup(pid, "SIGKILL");
    });
}
function killGroup(pid, signal) {
    try {
        // A negative pid signals the whole process group: the step and everything it started.
        process.kill(process.platform === "win32" ? pid : -pid, signal);
    }
    catch {
        try {
            process.kill(pid, signal);
        }
        catch {
            /* already gone */
        }
    }
}
const GRACE_MS = 3000;
function runProcess(argv, options) {
    installExitHook();
    return new Promise((resolve) => {
        const log = (0,external_node_fs_namespaceObject.createWriteStream)(options.logFile, { flags: "a" });
        const finish = (result) => {
            log.end(() => resolve(result));
        };
        if (options.signal.aborted) {
            finish({ exitCode: null, stopped: "aborted" });
            return;
        }
        const child = (0,external_node_child_process_namespaceObject.spawn)(argv[0], argv.slice(1), {
            cwd: options.cwd,
            env: options.env,
            detached: process.platform !== "win32",
            stdio: ["ignore", "pipe", "pipe"],
            windowsHide: true,
        });
        let stopped;
        let killTimer;
        const stop = (why) => {
            if (stopped || child.pid === undefined)
                return;
            stopped = why;
            killGroup(child.pid, "SIGTERM");
            killTimer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, "SIGKILL"), GRACE_MS);
            killTimer.unref();
        };
        const onAbort = () => stop("aborted");
        options.signal.addEventListener("abort", onAbort, { once: true });
        const timer = options.timeoutMs !== undefined ? setTimeout(() => stop("timeout"), options.timeoutMs) : undefined;
        if (child.pid !== undefined)
            live.add(child.pid);
        const pending = { out: "", err: "" };
        const onData = (which) => (chunk) => {
            log.write(chunk);
            const text = pending[which] + chunk.toString("utf8");
            const lines = text.split("\n");
            pending[which] = lines.pop() ?? "";
            for (const line of lines)
                options.onLine(line.replace(/\r$/, ""));
        };
        child.stdout?.on("data", onData("out"));
        child.stderr?.on("data", onData("err"));
        let spawnError;
        child.on("error", (error) => {
            spawnError = error.code === "ENOENT" ? `'${argv[0]}' was not found` : error.message;
        });
        child.on("close", (code) => {
            if (child.pid !== undefined)
                live.delete(child.pid);
            if (timer)
                clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            options.signal.removeEventListener("abort", onAbort);
            for (const which of ["out", "err"])
                if (pending[which])
                    options.onLine(pending[which]);
            if (spawnError)
                log.write(`${spawnError}\n`);
            finish({ exitCode: code, stopped, spawnError });
        });
    });
}
/** The last `n` lines of a log, for a failed step. */
function tail(text, n = 20) {
    const lines = text.replace(/\n+$/, "").split("\n");
    return lines.slice(Math.max(0, lines.length - n));
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/step.js
/**
 * Runs one command (a step, or one sweep trial) locally: a snapshot of its code as the working
 * folder, outputs as folders, `${{inputs.*}}`/`${{outputs.*}}` bound into an argument array, and
 * the metrics it logged collected afterwards.
 */








/** Where the interpreter for `python` / `python3` commands is: MLOPS_PYTHON, else python3 on PATH. */
function runnerPython(env = process.env) {
    return env.MLOPS_PYTHON || (process.platform === "win32" ? "python" : "python3");
}
async function runCommand(run) {
    const { component, dir } = run;
    const log = (0,external_node_path_namespaceObject.join)(dir, "std_log.txt");
    const work = (0,external_node_path_namespaceObject.join)(dir, "code");
    await (0,promises_.mkdir)(work, { recursive: true });
    if (component.code) {
        const single = !(await isDir(component.code));
        // A snapshot of the code, as Azure ML uploads one: the step may write beside its files without touching the checkout.
        await (0,promises_.cp)(component.code, single ? (0,external_node_path_namespaceObject.join)(work, (0,external_node_path_namespaceObject.basename)(component.code)) : work, {
            recursive: true,
            filter: (src) => !IGNORED_CODE(src.replaceAll("\\", "/")) && !(run.exclude && (src === run.exclude || src.startsWith(`${run.exclude}/`))),
        });
    }
    const outputs = {};
    for (const [name, o] of Object.entries(run.outputs)) {
        const folder = o.path ?? (0,external_node_path_namespaceObject.join)(dir, "outputs", name);
        await (0,promises_.mkdir)(folder, { recursive: true });
        // A uri_file output is a file path inside its own folder.
        outputs[name] = o.type === "uri_file" ? (0,external_node_path_namespaceObject.join)(folder, name) : folder;
    }
    const mlruns = (0,external_node_path_namespaceObject.join)(dir, "mlruns");
    const env = {
        ...process.env,
        ...run.environmentVariables,
        MLFLOW_TRACKING_URI: `file:${mlruns}`,
        AZUREML_RUN_ID: run.label,
        PYTHONUNBUFFERED: "1",
        PYTHONDONTWRITEBYTECODE: "1",
    };
    for (const [name, path] of Object.entries(outputs))
        env[`AZUREML_OUTPUT_${name}`] = path;
    const argvs = buildArgv(component, run.inputs, outputs, env);
    const python = runnerPython(env);
    let result = { exitCode: 0 };
    for (const argv of argvs) {
        if (argv[0] === "python" || argv[0] === "python3")
            argv[0] = python;
        result = await runProcess(argv, { cwd: work, env, logFile: log, onLine: run.onLine, signal: run.signal, timeoutMs: run.timeoutMs });
        if (result.exitCode !== 0 || result.stopped || result.spawnError)
            break;
    }
    const text = await (0,promises_.readFile)(log, "utf8").catch(() => "");
    const metrics = { ...(await readMlflowMetrics(mlruns)), ...(await readMetricsJson((0,external_node_path_namespaceObject.join)(work, "metrics.json"))) };
    for (const path of Object.values(outputs))
        Object.assign(metrics, await readMetricsJson((0,external_node_path_namespaceObject.join)(path, "metrics.json")));
    if (result.stopped === "aborted")
        return { status: "Canceled", outputs, metrics, error: "canceled", log };
    if (result.stopped === "timeout") {
        return { status: "Failed", outputs, metrics, error: `timed out after ${Math.round((run.timeoutMs ?? 0) / 1000)} s (limits.timeout)`, logTail: tail(text), log };
    }
    if (result.spawnError)
        return { status: "Failed", outputs, metrics, error: result.spawnError, logTail: tail(text), log };
    if (result.exitCode !== 0) {
        return { status: "Failed", outputs, metrics, error: `exited with code ${result.exitCode}`, logTail: tail(text), log };
    }
    return { status: "Completed", outputs, metrics, log };
}
/** The argument arrays for a component's command: optional sections resolved, words split, then references bound. */
function buildArgv(component, inputs, outputs, env) {
    const where = component.commandWhere ?? component.where;
    if (!component.command)
        throw new UserError("the component has no command", where, "Set `command:`");
    const template = resolveOptionalSections(component.command, (n) => inputs[n] !== undefined && inputs[n] !== "");
    const commands = splitCommand(template, { env, where });
    return commands.map((argv) => argv.map((word) => {
        let out = word;
        for (const e of findExpressions(word)) {
            const own = parseOwnRef(e.body);
            if (!own)
                throw new UserError(`'${e.text}' cannot be bound in a command`, where, "Use ${{inputs.<name>}} or ${{outputs.<name>}}");
            const value = own.kind === "inputs" ? inputs[own.name] : outputs[own.name];
            out = out.replace(e.text, value ?? "");
        }
        return out;
    }));
}
async function isDir(p) {
    const { stat } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1455, 19));
    try {
        return (await stat(p)).isDirectory();
    }
    catch {
        throw new UserError(`code '${p}' does not exist`, { input: "pipeline" }, "Fix the component's `code:` path (relative to the component's YAML file)");
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/slots.js
/** A counting semaphore: at most `size` holders at once, served in arrival order. */
class Slots {
    size;
    used = 0;
    waiting = [];
    constructor(size) {
        this.size = size;
    }
    async acquire(signal) {
        if (this.used >= this.size) {
            await new Promise((resolve, reject) => {
                const go = () => {
                    signal?.removeEventListener("abort", onAbort);
                    resolve();
                };
                const onAbort = () => {
                    const i = this.waiting.indexOf(go);
                    if (i >= 0)
                        this.waiting.splice(i, 1);
                    reject(signal?.reason ?? new Error("aborted"));
                };
                signal?.addEventListener("abort", onAbort, { once: true });
                this.waiting.push(go);
            });
        }
        this.used++;
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            this.used--;
            this.waiting.shift()?.();
        };
    }
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/execute.js
/**
 * Executes a planned pipeline locally: steps in dependency order, independent ones in parallel
 * up to `maxParallel` processes, reuse of unchanged steps, sweeps, failure and cancellation.
 */








async function executePlan(o) {
    const { plan, log } = o;
    const settings = plan.job.settings;
    const slots = new Slots(Math.max(1, o.maxParallel));
    const failFast = new AbortController();
    const signal = AbortSignal.any([o.signal, failFast.signal]);
    const records = new Map(plan.steps.map((s) => [s.id, { name: s.id, status: "NotStarted" }]));
    const update = (id, patch) => {
        Object.assign(records.get(id), patch);
        o.onChange([...records.values()]);
    };
    const outcomes = new Map();
    let firstError;
    if (plan.steps.some((s) => s.component.environment !== undefined)) {
        log.info(`Steps run with this runner's interpreter (${runnerPython()}); their \`environment\` is used on Azure ML only. Set MLOPS_PYTHON to pick another python.`);
    }
    const runStep = async (step) => {
        const upstream = await Promise.all(step.deps.map((d) => outcomes.get(d)));
        const failedDep = step.deps.find((_, i) => upstream[i].status !== "Completed");
        if (failedDep || signal.aborted) {
            const why = failedDep ? `not run: step '${failedDep}' did not complete` : "canceled";
            update(step.id, { status: "Canceled", error: why });
            return { status: "Canceled", outputs: {}, metrics: {} };
        }
        const depOutputs = new Map(step.deps.map((d, i) => [d, upstream[i].outputs]));
        try {
            const outcome = await executeStep(o, step, depOutputs, slots, signal, (patch) => update(step.id, patch));
            if (outcome.status === "Failed") {
                const rec = records.get(step.id);
                firstError ??= `step '${step.id}' ${rec.error ?? "failed"}`;
                if (!settings.continueOnStepFailure)
                    failFast.abort();
            }
            return outcome;
        }
        catch (error) {
            // A step that cannot even start (bad data reference, a command needing a shell) fails the job.
            const message = error instanceof UserError ? error.describe() : error instanceof Error ? error.message : String(error);
            update(step.id, { status: "Failed", error: message, endedAt: new Date().toISOString() });
            firstError ??= `step '${step.id}': ${message}`;
            if (!settings.continueOnStepFailure)
                failFast.abort();
            return { status: "Failed", outputs: {}, metrics: {} };
        }
    };
    for (const step of plan.steps)
        outcomes.set(step.id, runStep(step));
    const done = await Promise.all(plan.steps.map((s) => outcomes.get(s.id)));
    const metrics = {};
    const counts = new Map();
    plan.steps.forEach((s, i) => {
        for (const [k, v] of Object.entries(done[i].metrics)) {
            metrics[`${s.id}.${k}`] = v;
            counts.set(k, (counts.get(k) ?? 0) + 1);
        }
    });
    plan.steps.forEach((_, i) => {
        for (const [k, v] of Object.entries(done[i].metrics))
            if (counts.get(k) === 1)
                metrics[k] = v;
    });
    const outputs = {};
    plan.steps.forEach((s, i) => {
        for (const [k, v] of Object.entries(done[i].outputs))
            outputs[`${s.id}.${k}`] = v;
    });
    const byId = new Map(plan.steps.map((s, i) => [s.id, done[i]]));
    for (const [name, src] of Object.entries(plan.outputs)) {
        const path = byId.get(src.step)?.outputs[src.output];
        if (path)
            outputs[name] = path;
    }
    const statuses = done.map((d) => d.status);
    const status = o.signal.aborted
        ? "Canceled"
        : statuses.includes("Failed")
            ? "Failed"
            : statuses.every((s) => s === "Completed")
                ? "Completed"
                : "Failed";
    return { status, steps: [...records.values()], metrics, outputs, error: status === "Canceled" ? "canceled" : firstError };
}
async function executeStep(o, step, depOutputs, slots, signal, update) {
    const { log } = o;
    const dir = (0,external_node_path_namespaceObject.join)(o.jobDir, "steps", ...step.id.split("/"));
    const inputs = {};
    for (const [name, input] of Object.entries(step.inputs))
        inputs[name] = await bindInput(o, input, depOutputs, signal);
    const outputsDecl = outputLocations(o.plan, step);
    const c = step.component;
    const key = await stepReuseKey(o.root, step, inputs);
    const reuseAllowed = !o.forceRerun && !o.plan.job.settings.forceRerun && c.isDeterministic;
    if (reuseAllowed) {
        const hit = await o.cache.get(key);
        if (hit) {
            log.info(`[${step.id}] reused: unchanged since job ${hit.job} (component, code, command and inputs identical)`);
            const now = new Date().toISOString();
            update({ status: "Completed", reused: true, reusedFrom: hit.job, outputs: hit.outputs, metrics: hit.metrics, startedAt: now, endedAt: now });
            return { status: "Completed", outputs: hit.outputs, metrics: hit.metrics };
        }
    }
    update({ status: "Queued" });
    const onLine = (label) => (line) => log.info(`[${label}] ${line}`);
    let outcome;
    if (step.node.type === "sweep") {
        outcome = await runSweep(o, step, dir, inputs, outputsDecl, slots, signal, update, onLine);
    }
    else {
        const release = await slots.acquire(signal).catch(() => undefined);
        if (!release) {
            update({ status: "Canceled", error: "canceled" });
            return { status: "Canceled", outputs: {}, metrics: {} };
        }
        try {
            update({ status: "Running", startedAt: new Date().toISOString() });
            log.info(`[${step.id}] started`);
            const r = await runCommand({
                label: step.id,
                component: c,
                dir,
                inputs,
                outputs: outputsDecl,
                environmentVariables: step.environmentVariables,
                timeoutMs: step.timeoutSeconds !== undefined ? step.timeoutSeconds * 1000 : undefined,
                exclude: o.root,
                signal,
                onLine: onLine(step.id),
            });
            update({ status: r.status, endedAt: new Date().toISOString(), outputs: r.outputs, metrics: r.metrics, error: r.error, logTail: r.logTail, log: r.log });
            log.info(`[${step.id}] ${r.status}${r.error ? `: ${r.error}` : ""}`);
            outcome = r;
        }
        finally {
            release();
        }
    }
    if (outcome.status === "Completed") {
        await o.cache.put({ key, job: o.jobName, step: step.id, outputs: outcome.outputs, metrics: outcome.metrics, createdAt: new Date().toISOString() });
    }
    return outcome;
}
/** Where each output of a step goes: its folder in the job, or an explicit local `path`. */
function outputLocations(plan, step) {
    const out = {};
    for (const [name, o] of Object.entries(step.outputs)) {
        const explicit = step.node.outputs[name]?.path;
        out[name] = { type: o.type, path: explicit && !/^(azureml|https?):/.test(explicit) ? (0,external_node_path_namespaceObject.join)(plan.job.baseDir, explicit) : undefined };
    }
    return out;
}
/** The reuse key of a step given its bound inputs: component, code, command, input contents. */
async function stepReuseKey(root, step, inputs) {
    const digests = {};
    for (const [name, input] of Object.entries(step.inputs)) {
        const value = inputs[name];
        if (input.kind === "value")
            digests[name] = `value:${value}`;
        else if (input.kind === "data" || input.kind === "step")
            digests[name] = value === undefined ? "none" : await contentDigest(value);
        else
            digests[name] = input.kind;
    }
    const c = step.component;
    const skip = (rel) => IGNORED_CODE(rel) || (c.code !== undefined && isInside(root, c.code, rel));
    return reuseKey({
        component: c,
        codeDigest: c.code ? await contentDigest(c.code, skip) : undefined,
        inputs: digests,
        outputs: Object.fromEntries(Object.entries(step.outputs).map(([k, v]) => [k, `${v.type}:${step.node.outputs[k]?.path ?? ""}`])),
        environmentVariables: step.environmentVariables,
        extra: step.node.sweep ?? null,
    });
}
function isInside(root, base, rel) {
    const r = (0,external_node_path_namespaceObject.relative)(base, root).split(external_node_path_namespaceObject.sep).join("/");
    return !r.startsWith("..") && r !== "" && (rel === r || rel.startsWith(`${r}/`));
}
async function bindInput(o, input, depOutputs, signal) {
    switch (input.kind) {
        case "value":
            return String(input.value);
        case "data":
            return o.data.resolve(input, o.log, signal);
        case "step":
            return depOutputs.get(input.step)?.[input.output];
        default:
            return undefined;
    }
}
async function runSweep(o, step, dir, inputs, outputsDecl, slots, signal, update, onLine) {
    const spec = step.node.sweep;
    const { log } = o;
    if (spec.sampling.type === "bayesian")
        log.info(`[${step.id}] bayesian sampling needs Azure ML's sampler: locally the trials are sampled at random`);
    const seed = spec.sampling.seed ?? [...o.jobName].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
    const assignments = sampleTrials(spec, seed);
    const trials = assignments.map((params, index) => ({ index, params, status: "NotStarted" }));
    const metric = spec.objective.primaryMetric;
    log.info(`[${step.id}] sweep: ${trials.length} trial(s), at most ${spec.limits.maxConcurrentTrials} at once, ${spec.objective.goal} ${metric}`);
    update({ status: "Running", startedAt: new Date().toISOString(), trials });
    const sweepStop = new AbortController();
    const sweepSignal = AbortSignal.any([signal, sweepStop.signal]);
    const deadline = spec.limits.timeoutSeconds !== undefined ? setTimeout(() => sweepStop.abort(), spec.limits.timeoutSeconds * 1000) : undefined;
    const concurrency = new Slots(Math.max(1, spec.limits.maxConcurrentTrials));
    const histories = trials.map(() => []);
    const stops = trials.map(() => new AbortController());
    const running = new Set();
    // Early termination reads each running trial's primary metric from its MLflow file store.
    const poll = spec.earlyTermination
        ? setInterval(async () => {
            for (const i of running) {
                const runs = (0,external_node_path_namespaceObject.join)(dir, "trials", String(i), "mlruns");
                const history = [];
                for (const exp of await listDir(runs))
                    for (const run of await listDir((0,external_node_path_namespaceObject.join)(runs, exp))) {
                        history.push(...((await readRunMetricHistory((0,external_node_path_namespaceObject.join)(runs, exp, run)))[metric] ?? []).map((p) => p.value));
                    }
                histories[i] = history;
            }
            for (const i of running) {
                if (!stops[i].signal.aborted && shouldTerminate(spec, histories[i], histories)) {
                    log.info(`[${step.id}#${i}] early termination (${spec.earlyTermination.type}): ${metric} ${histories[i].at(-1)} at report ${histories[i].length}`);
                    trials[i].earlyTerminated = true;
                    stops[i].abort();
                }
            }
        }, 250)
        : undefined;
    const results = await Promise.all(trials.map(async (trial, i) => {
        const releaseTrial = await concurrency.acquire(sweepSignal).catch(() => undefined);
        if (!releaseTrial)
            return undefined;
        const release = await slots.acquire(sweepSignal).catch(() => undefined);
        if (!release) {
            releaseTrial();
            return undefined;
        }
        running.add(i);
        trial.status = "Running";
        update({ trials });
        try {
            const values = { ...inputs };
            for (const [k, v] of Object.entries(trial.params))
                values[k] = String(v);
            log.info(`[${step.id}#${i}] trial ${Object.entries(trial.params).map(([k, v]) => `${k}=${v}`).join(" ")}`);
            const r = await runCommand({
                label: `${step.id}#${i}`,
                component: step.component,
                dir: (0,external_node_path_namespaceObject.join)(dir, "trials", String(i)),
                inputs: values,
                // Each trial writes its own outputs; the best trial's become the sweep's.
                outputs: Object.fromEntries(Object.entries(outputsDecl).map(([k, v]) => [k, { type: v.type }])),
                environmentVariables: step.environmentVariables,
                timeoutMs: spec.limits.trialTimeoutSeconds !== undefined ? spec.limits.trialTimeoutSeconds * 1000 : undefined,
                exclude: o.root,
                signal: AbortSignal.any([sweepSignal, stops[i].signal]),
                onLine: onLine(`${step.id}#${i}`),
            });
            trial.status = r.status;
            trial.metric = r.metrics[metric];
            update({ trials });
            return r;
        }
        finally {
            running.delete(i);
            release();
            releaseTrial();
        }
    }));
    if (deadline)
        clearTimeout(deadline);
    if (poll)
        clearInterval(poll);
    if (signal.aborted) {
        update({ status: "Canceled", endedAt: new Date().toISOString(), error: "canceled", trials });
        return { status: "Canceled", outputs: {}, metrics: {} };
    }
    let best;
    results.forEach((r, i) => {
        const m = r?.metrics[metric];
        if (r?.status !== "Completed" || m === undefined)
            return;
        if (best === undefined || better(spec.objective.goal, m, results[best].metrics[metric]))
            best = i;
    });
    if (best === undefined) {
        const failed = results.find((r) => r?.status === "Failed");
        const error = `no trial completed with a '${metric}' metric${failed?.error ? ` (a trial ${failed.error})` : ""}`;
        update({ status: "Failed", endedAt: new Date().toISOString(), error, trials, logTail: failed?.logTail });
        return { status: "Failed", outputs: {}, metrics: {} };
    }
    const winner = results[best];
    const metrics = { ...winner.metrics, best_trial: best };
    log.info(`[${step.id}] best trial #${best}: ${metric}=${winner.metrics[metric]} with ${Object.entries(trials[best].params).map(([k, v]) => `${k}=${v}`).join(" ")}`);
    update({ status: "Completed", endedAt: new Date().toISOString(), outputs: winner.outputs, metrics, trials, bestTrial: best });
    return { status: "Completed", outputs: winner.outputs, metrics };
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/runner/refusals.js
function localRefusals(plan) {
    const out = [];
    for (const step of plan.steps) {
        const c = step.component;
        const fix = "Run it with backend azureml";
        if (step.node.type === "spark") {
            out.push({ message: `job '${step.id}' is a spark job: spark runs on Azure ML only`, where: step.node.where, fix });
        }
        else if (step.node.type === "parallel") {
            out.push({ message: `job '${step.id}' is a parallel job: parallel (mini-batch) jobs run on Azure ML only`, where: step.node.where, fix });
        }
        else if (c.origin.kind === "registered") {
            out.push({
                message: `job '${step.id}' uses the registered component '${c.origin.ref}', which the local workspace does not hold`,
                where: c.where,
                fix: `${fix}, or point \`component:\` at the component's YAML file`,
            });
        }
        else if (c.code && /^(azureml:|https?:|git\+)/.test(c.code)) {
            out.push({ message: `job '${step.id}' takes its code from '${c.code}'`, where: c.where, fix: `${fix}, or point \`code:\` at a local folder` });
        }
        for (const [name, input] of Object.entries(step.inputs)) {
            if (input.kind === "data" && input.path.startsWith("azureml://")) {
                out.push({
                    message: `job '${step.id}' input '${name}' reads the Azure ML datastore path '${input.path}'`,
                    where: step.node.inputs[name]?.where ?? step.node.where,
                    fix: `${fix}, or register the data locally and use azureml:<name>:<version>`,
                });
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/jobs.js
/**
 * Pipeline jobs on the local workspace: planned from the parsed YAML, run by the local runner
 * (runner/), recorded as JSON in `jobs/<name>/job.json` (atomic writes under the workspace lock),
 * with each step's log, outputs and metrics in `jobs/<name>/steps/<step>/`.
 */












const POLL_MS = 500;
class LocalJobs {
    root;
    running = new Map();
    data;
    cache;
    constructor(root) {
        this.root = root;
        this.data = new DataResolver(root);
        this.cache = new StepCache(root);
    }
    dir(name) {
        return (0,external_node_path_namespaceObject.join)(this.root, "jobs", name);
    }
    /** Validates and plans the job, refuses what cannot run locally, then starts it in this process. */
    async submit(job, options) {
        const plan = this.plan(job);
        const name = newJobName(job.displayName ?? job.experimentName ?? options.experimentName);
        const dir = this.dir(name);
        const record = {
            name,
            displayName: job.displayName,
            experimentName: job.experimentName ?? options.experimentName,
            status: "Running",
            createdAt: new Date().toISOString(),
            metrics: {},
            outputs: {},
            steps: plan.steps.map((s) => ({ name: s.id, status: "NotStarted" })),
            studioUrl: (0,external_node_url_namespaceObject.pathToFileURL)(dir).href,
            file: job.file,
            pid: process.pid,
        };
        const save = coalescingWriter(() => this.save(record));
        await save();
        const controller = new AbortController();
        const entry = { controller, done: Promise.resolve(record) };
        // A cancel request from another process (`cancel()` there) arrives as a file.
        const watcher = setInterval(async () => {
            if (await exists((0,external_node_path_namespaceObject.join)(dir, "cancel-requested"))) {
                entry.cancelReason ??= "cancel requested";
                controller.abort();
            }
        }, POLL_MS);
        watcher.unref();
        entry.done = (async () => {
            try {
                const result = await executePlan({
                    root: this.root,
                    jobName: name,
                    jobDir: dir,
                    plan,
                    maxParallel: options.maxParallel ?? (0,external_node_os_namespaceObject.availableParallelism)(),
                    forceRerun: options.forceRerun ?? false,
                    log: options.log,
                    signal: controller.signal,
                    data: this.data,
                    cache: this.cache,
                    onChange: (steps) => {
                        record.steps = steps;
                        void save();
                    },
                });
                Object.assign(record, {
                    status: result.status,
                    steps: result.steps,
                    metrics: result.metrics,
                    outputs: result.outputs,
                    error: result.status === "Canceled" ? (entry.cancelReason ?? "canceled") : result.error,
                });
            }
            catch (error) {
                record.status = "Failed";
                record.error = error instanceof UserError ? error.describe() : error instanceof Error ? error.message : String(error);
            }
            finally {
                clearInterval(watcher);
            }
            record.endedAt = new Date().toISOString();
            await save();
            return record;
        })();
        this.running.set(name, entry);
        return name;
    }
    async preview(job, _options) {
        const { plan } = planPipeline(job);
        const refused = localRefusals(plan).map((p) => new UserError(p.message, p.where, p.fix).describe());
        const uploads = new Set();
        for (const s of plan.steps) {
            if (s.component.code && !s.component.code.includes(":"))
                uploads.add(s.component.code);
            for (const i of Object.values(s.inputs))
                if (i.kind === "data" && !/^(azureml|https?):/.test(i.path))
                    uploads.add((0,external_node_path_namespaceObject.join)(i.baseDir, i.path));
        }
        const reused = [];
        if (refused.length === 0 && !job.settings.forceRerun) {
            // A step would be reused when its key hits the cache and every step it reads would be reused too.
            const known = new Map();
            const never = new AbortController().signal;
            for (const step of plan.steps) {
                if (!step.component.isDeterministic || step.deps.some((d) => !known.has(d)))
                    continue;
                if (Object.values(step.inputs).some((i) => i.kind === "data" && /^https?:/.test(i.path)))
                    continue;
                const inputs = {};
                try {
                    for (const [n, i] of Object.entries(step.inputs))
                        inputs[n] = await bindInput({ data: this.data, log: silent }, i, known, never);
                }
                catch {
                    continue;
                }
                const hit = await this.cache.get(await stepReuseKey(this.root, step, inputs));
                if (hit) {
                    known.set(step.id, hit.outputs);
                    reused.push(step.id);
                }
            }
        }
        return { reused, refused, uploads: [...uploads] };
    }
    async wait(name, options) {
        const entry = this.running.get(name);
        if (entry)
            return this.waitHere(name, entry, options);
        return this.waitElsewhere(name, options);
    }
    async waitHere(name, entry, options) {
        const onAbort = () => {
            entry.cancelReason ??= "canceled (the run was cancelled)";
            entry.controller.abort();
        };
        options.signal.addEventListener("abort", onAbort, { once: true });
        if (options.signal.aborted)
            onAbort();
        const timer = options.timeoutMs !== undefined
            ? setTimeout(() => {
                options.log.warning(`Job ${name} ran longer than ${Math.round(options.timeoutMs / 60000)} minute(s): cancelling it.`);
                entry.cancelReason ??= `canceled: the timeout of ${options.timeoutMs / 60000} minute(s) was reached`;
                entry.controller.abort();
            }, options.timeoutMs)
            : undefined;
        try {
            return await entry.done;
        }
        finally {
            if (timer)
                clearTimeout(timer);
            options.signal.removeEventListener("abort", onAbort);
            this.running.delete(name);
        }
    }
    /** Attaches to a job started by another process: polls its record until it ends. */
    async waitElsewhere(name, options) {
        const started = Date.now();
        let lastStatus;
        let cancelSent = false;
        for (;;) {
            const record = await this.get(name);
            if (!record) {
                throw new UserError(`no job '${name}' in the local workspace (${this.root})`, { input: "jobName" }, "Give the jobName a previous submit-pipeline printed");
            }
            if (TERMINAL_STATUSES.includes(record.status))
                return record;
            if (record.pid !== process.pid && !alive(record.pid)) {
                record.status = "Failed";
                record.error = `the runner process (pid ${record.pid}) exited before the job finished`;
                record.endedAt = new Date().toISOString();
                await this.save(record);
                return record;
            }
            const summary = record.steps.map((s) => `${s.name}:${s.status}`).join(" ");
            if (summary !== lastStatus)
                options.log.info(`Job ${name}: ${summary}`);
            lastStatus = summary;
            const timedOut = options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs;
            if ((options.signal.aborted || timedOut) && !cancelSent) {
                await this.cancel(name);
                cancelSent = true;
            }
            await new Promise((r) => setTimeout(r, POLL_MS));
        }
    }
    async get(name) {
        if (!/^[A-Za-z0-9_.-]+$/.test(name))
            return undefined;
        return readJson((0,external_node_path_namespaceObject.join)(this.dir(name), "job.json"));
    }
    async cancel(name) {
        const entry = this.running.get(name);
        if (entry) {
            entry.cancelReason ??= "canceled";
            entry.controller.abort();
            return;
        }
        if (await this.get(name))
            await writeAtomic((0,external_node_path_namespaceObject.join)(this.dir(name), "cancel-requested"), new Date().toISOString());
    }
    /** The plan, or the first problem as a UserError (every problem is in the task's log before that). */
    plan(job) {
        const { plan, problems } = planPipeline(job);
        if (!problems.empty)
            throw problems.toError();
        const refused = localRefusals(plan);
        if (refused.length > 0) {
            const [first] = refused;
            throw new UserError(first.message, { input: "pipeline", ...first.where }, first.fix);
        }
        return plan;
    }
    save(record) {
        return withLock(this.root, () => writeJson((0,external_node_path_namespaceObject.join)(this.dir(record.name), "job.json"), record));
    }
}
const silent = { info() { }, warning() { }, error() { }, debug() { }, group: (_, fn) => fn(), secret() { } };
/** Serialises writes of a changing record and coalesces bursts: at most one write waiting. */
function coalescingWriter(write) {
    let current;
    let queued;
    return () => {
        if (queued)
            return queued;
        if (!current) {
            current = write().finally(() => {
                current = undefined;
            });
            return current;
        }
        queued = current.then(() => {
            queued = undefined;
            current = write().finally(() => {
                current = undefined;
            });
            return current;
        });
        return queued;
    };
}
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
/** Azure-ML-like job names: readable, sortable by time, unique. */
function newJobName(base) {
    const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40) || "job";
    const t = new Date().toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
    return `${slug}_${t}_${(0,external_node_crypto_namespaceObject.randomBytes)(3).toString("hex")}`;
}

;// CONCATENATED MODULE: ./build/bundle/workspace/local/index.js








/**
 * The embedded workspace: a folder anyone can read. JSON metadata with a schema version,
 * content-addressed files, atomic writes under a lock.
 */
class LocalWorkspace {
    root;
    backend = "local";
    description;
    datasets;
    models;
    jobs;
    endpoints;
    artifacts;
    constructor(root) {
        this.root = root;
        this.description = `local workspace at ${root}`;
        this.datasets = new LocalDatasets(root);
        this.models = new LocalModels(root);
        this.jobs = new LocalJobs(root);
        this.endpoints = new LocalEndpoints(root);
        this.artifacts = new LocalArtifacts(root);
    }
    static async open(root) {
        await (0,promises_.mkdir)(root, { recursive: true });
        const meta = (0,external_node_path_namespaceObject.join)(root, "workspace.json");
        if (!(await readJson(meta))) {
            await withLock(root, async () => {
                if (!(await readJson(meta))) {
                    await writeJson(meta, { kind: "mlops-action local workspace", createdAt: new Date().toISOString() });
                }
            });
        }
        return new LocalWorkspace(root);
    }
    async close() { }
}

;// CONCATENATED MODULE: ./build/bundle/tasks/common.js
/** Inputs every task takes: which workspace to act on. */
const WORKSPACE_INPUTS = [
    {
        name: "backend",
        type: "choice",
        options: ["local", "azureml"],
        default: "local",
        description: "Where the ML work happens: `local` (an embedded workspace in a folder) or `azureml` (an Azure Machine Learning workspace).",
        advanced: true,
    },
    {
        name: "workspaceDir",
        type: "path",
        default: ".mlops",
        description: "Folder of the local workspace (backend `local`), relative to the working directory.",
        advanced: true,
    },
];

;// CONCATENATED MODULE: ./build/bundle/tasks/compare-models.js

const spec = {
    name: "compare-models",
    title: "Compare models",
    summary: "Compares the candidate model with the current champion on declared metrics, decides, and reports on the pull request.",
    inputs: [
        { name: "candidate", type: "string", required: true, description: "A model reference (`name:version`, `name@latest`) or `job:<jobName>` whose outputs hold a model and its metrics.", example: "job:${{ steps.train.outputs.jobName }}" },
        { name: "modelName", type: "string", description: "Model name when the candidate is a job output." },
        { name: "champion", type: "string", description: "Champion model reference. Default: the version of the model tagged `champion`." },
        { name: "metrics", type: "string", required: true, description: "Metrics to compare, `name:higher|lower[:min_delta]`, comma separated.", example: "r2:higher:0.01,rmse:lower" },
        { name: "register", type: "boolean", default: "false", description: "Register the candidate (and tag it champion when it wins)." },
        { name: "comment", type: "boolean", default: "false", description: "Post the report on the pull request." },
        { name: "token", type: "string", secret: true, description: "Token for the PR comment (GitHub: `github.token`; Azure DevOps: `System.AccessToken`)." },
        ...WORKSPACE_INPUTS,
    ],
    outputs: [
        { name: "better", description: "`true` when the candidate beats the champion on every declared metric." },
        { name: "decision", description: "`promote` or `keep-champion`." },
        { name: "report", description: "The Markdown report." },
    ],
    example: { candidate: "job:${{ steps.train.outputs.jobName }}", modelName: "diabetes-model", metrics: "r2:higher,rmse:lower", comment: "true" },
};
async function run(_ctx) {
    throw new Error("compare-models is being built");
}
const compareModels = { spec, run };

;// CONCATENATED MODULE: ./build/bundle/report/markdown.js
/** Small Markdown builders shared by job summaries and PR comments. */
/** Escapes a cell so a pipe or newline in data cannot break the table. */
function cell(value) {
    return String(value ?? "").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function table(header, rows) {
    const lines = [`| ${header.map(cell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
    for (const row of rows)
        lines.push(`| ${row.map(cell).join(" | ")} |`);
    return lines.join("\n");
}
/** A number for a report: up to 4 significant digits, no exponent for ordinary magnitudes. */
function num(value) {
    if (value === undefined || Number.isNaN(value))
        return "–";
    if (!Number.isFinite(value))
        return value > 0 ? "∞" : "-∞";
    if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3))
        return value.toExponential(2);
    return String(Number(value.toPrecision(4)));
}
const BARS = "▁▂▃▄▅▆▇█";
/** A one-line histogram (sparkline) of counts, for comparing distributions in a table cell. */
function sparkline(counts) {
    const max = Math.max(...counts, 0);
    if (max === 0)
        return "";
    return counts.map((c) => BARS[Math.min(BARS.length - 1, Math.floor((c / max) * (BARS.length - 1)))]).join("");
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/checks.js


/** Why a scoring answer is not acceptable (non-2xx, or a body that is not JSON), or undefined. */
function answerProblem(answer) {
    const body = answer.body.length > 300 ? `${answer.body.slice(0, 300)}…` : answer.body;
    if (answer.status < 200 || answer.status > 299)
        return `HTTP ${answer.status}: ${body}`;
    try {
        JSON.parse(answer.body);
        return undefined;
    }
    catch {
        return `HTTP ${answer.status} with a body that is not JSON: ${body}`;
    }
}
/** Reads a JSON request file; a syntax error names the file, line and column. */
async function readJsonRequest(path, input) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, "utf8");
    }
    catch {
        throw new UserError(`'${path}' does not exist`, { input }, "Give a JSON request file in the checkout");
    }
    try {
        JSON.parse(text);
    }
    catch (error) {
        const at = /position (\d+)/.exec(error.message);
        const where = { input, file: path };
        if (at) {
            const before = text.slice(0, Number(at[1]));
            where.line = before.split("\n").length;
            where.column = Number(at[1]) - before.lastIndexOf("\n");
        }
        throw new UserError(`is not valid JSON (${error.message.replace(/ in JSON at position.*$/, "")})`, where, "Fix the request so it parses as JSON");
    }
    return text;
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/traffic.js

/**
 * Parses the `traffic` steps: whole percents, strictly increasing, ending at 100 (the rollout
 * ends with the new deployment serving everything, so the old one can be removed).
 */
function parseTrafficSteps(text, input = "traffic") {
    const items = text.split(/[,\s]+/).filter((s) => s !== "");
    if (items.length === 0)
        throw new UserError("has no steps", { input }, "Give percents such as 10,50,100");
    const steps = [];
    let column = 1;
    for (const item of items) {
        column = text.indexOf(item, column - 1) + 1;
        const p = /^\d{1,3}%?$/.test(item) ? Number.parseInt(item, 10) : Number.NaN;
        const where = { input, column };
        if (!Number.isInteger(p) || p < 1 || p > 100) {
            throw new UserError(`step '${item}' (column ${column}) is not a whole percent from 1 to 100`, where, "Give percents such as 10,50,100");
        }
        const previous = steps.at(-1);
        if (previous !== undefined && p <= previous) {
            throw new UserError(`step ${p} (column ${column}) does not increase on ${previous}`, where, "List the steps in increasing order, such as 10,50,100");
        }
        steps.push(p);
        column += item.length;
    }
    if (steps.at(-1) !== 100) {
        throw new UserError(`the last step is ${steps.at(-1)}, not 100`, { input }, "End the steps at 100, such as 10,50,100");
    }
    return steps;
}
/**
 * The traffic map with the new deployment at `percent`: the rest is shared by the deployments
 * that had traffic before, in their old proportions (largest remainder, so it adds up to 100).
 * Deployments that had traffic stay in the map at 0 % rather than vanish, as Azure ML shows them.
 */
function trafficAt(saved, deployment, percent) {
    const old = Object.entries(saved).filter(([d, p]) => d !== deployment && p > 0);
    const total = old.reduce((s, [, p]) => s + p, 0);
    const out = {};
    if (total === 0)
        return { [deployment]: 100 };
    const rest = 100 - percent;
    const shares = old.map(([d, p]) => ({ d, exact: (rest * p) / total }));
    for (const s of shares)
        out[s.d] = Math.floor(s.exact);
    let left = rest - shares.reduce((s, x) => s + Math.floor(x.exact), 0);
    const byRemainder = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || (a.d < b.d ? -1 : 1));
    for (const s of byRemainder) {
        if (left <= 0)
            break;
        out[s.d] += 1;
        left -= 1;
    }
    out[deployment] = percent;
    return out;
}
/** Whether the endpoint had any traffic before (else the first deployment takes 100 % at once). */
function hasTraffic(map) {
    return Object.values(map).some((p) => p > 0);
}
function describeTraffic(map) {
    const entries = Object.entries(map);
    return entries.length ? entries.map(([d, p]) => `${d} ${p}%`).join(", ") : "no traffic";
}
/** Same deployments with the same percents (order does not matter). */
function sameTraffic(a, b) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy/rollout.js


const journalPath = (endpoint) => `rollouts/${endpoint}.json`;
async function readJournal(artifacts, endpoint) {
    const raw = await artifacts.read(journalPath(endpoint));
    return raw ? JSON.parse(raw.toString("utf8")) : undefined;
}
async function writeJournal(artifacts, journal) {
    await artifacts.write(journalPath(journal.endpoint), `${JSON.stringify(journal, null, 2)}\n`);
}
class RolloutError extends Error {
}
/** Sends `count` requests through the endpoint's router; every answer must be 2xx JSON. */
async function burst(deps, plan, count, label) {
    let byNew = 0;
    for (let i = 0; i < count; i++) {
        if (deps.signal.aborted)
            throw new RolloutError("cancelled");
        const answer = await deps.endpoints.invoke(plan.endpoint, plan.request ?? "");
        const problem = answerProblem(answer);
        if (problem) {
            throw new RolloutError(`request ${i + 1} of ${count} at ${label}${answer.deployment ? ` (answered by ${answer.deployment})` : ""} failed: ${problem}`);
        }
        if (answer.deployment === plan.deployment.name)
            byNew += 1;
    }
    return { step: label, traffic: "", requests: count, byNew, ok: true };
}
/**
 * Removes deployments that no longer have traffic (after a rollout reached 100 %). A failure
 * here is a warning: the new deployment already serves everything.
 */
async function removeOldDeployments(deps, endpoint, keep) {
    const state = await deps.endpoints.get(endpoint);
    for (const d of state?.deployments ?? []) {
        if (d.name === keep || (state?.traffic[d.name] ?? 0) > 0)
            continue;
        try {
            await deps.endpoints.deleteDeployment(endpoint, d.name, deps.log);
        }
        catch (error) {
            deps.log.warning(`Could not remove old deployment ${d.name}: ${error.message}`);
        }
    }
}
/**
 * Undoes a rollout: the saved traffic map exactly as it was, then the new deployment deleted.
 * Throws when the traffic cannot be restored (the endpoint needs a person then).
 */
async function undo(deps, journal) {
    const state = await deps.endpoints.get(journal.endpoint);
    const existing = new Set(state?.deployments.map((d) => d.name));
    const missing = Object.keys(journal.saved).filter((d) => !existing.has(d));
    if (missing.length > 0)
        deps.log.warning(`Saved traffic names deployment(s) that no longer exist: ${missing.join(", ")}`);
    const restore = Object.fromEntries(Object.entries(journal.saved).filter(([d]) => existing.has(d)));
    await deps.endpoints.setTraffic(journal.endpoint, restore, deps.log);
    deps.log.info(`Restored traffic: ${describeTraffic(restore)}`);
    if (existing.has(journal.deployment) && !(journal.deployment in journal.saved)) {
        await deps.endpoints.deleteDeployment(journal.endpoint, journal.deployment, deps.log);
    }
    await writeJournal(deps.artifacts, { ...journal, state: "rolled-back" });
}
/**
 * Blue/green: the new deployment at 0 %, a smoke test sent to it directly, traffic shifted in
 * steps with a burst of requests through the endpoint after each, old deployments removed once
 * at 0 %. Any failure restores the saved traffic map exactly and deletes the new deployment.
 * Written against the EndpointService port only, so every backend gets the same rollout.
 */
async function blueGreen(deps, plan, before) {
    const { endpoints, log } = deps;
    const name = plan.deployment.name;
    const journal = {
        endpoint: plan.endpoint,
        deployment: name,
        model: plan.modelRef,
        saved: { ...before.traffic },
        reached: 0,
        state: "running",
        startedAt: new Date().toISOString(),
    };
    await writeJournal(deps.artifacts, journal);
    // The first deployment of an endpoint has nobody to share traffic with.
    const steps = hasTraffic(journal.saved) ? plan.steps : [100];
    const reports = [];
    try {
        await log.group(`Create deployment ${name} at 0 %`, () => endpoints.createDeployment(plan.endpoint, plan.deployment, log));
        if (plan.request !== undefined) {
            await log.group(`Smoke test ${name}`, async () => {
                const answer = await endpoints.invoke(plan.endpoint, plan.request ?? "", name);
                const problem = answerProblem(answer);
                if (problem)
                    throw new RolloutError(`smoke test of ${name} failed: ${problem}`);
                log.info(`Smoke test answered HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
                reports.push({ step: "smoke test", traffic: "direct", requests: 1, byNew: 1, ok: true });
            });
        }
        else {
            log.warning("No smokeTest request: the new deployment is only checked for health, and no requests are sent after each step.");
        }
        for (const percent of steps) {
            if (deps.signal.aborted)
                throw new RolloutError("cancelled");
            const map = trafficAt(journal.saved, name, percent);
            await log.group(`Traffic ${percent} % to ${name}`, async () => {
                await endpoints.setTraffic(plan.endpoint, map, log);
                const report = plan.request !== undefined && plan.burst > 0
                    ? await burst(deps, plan, plan.burst, `${percent} %`)
                    : { step: `${percent} %`, traffic: "", requests: 0, byNew: 0, ok: true };
                report.traffic = describeTraffic(map);
                reports.push(report);
                if (report.requests)
                    log.info(`${report.requests} request(s) answered, ${report.byNew} by ${name}`);
            });
            journal.reached = percent;
            await writeJournal(deps.artifacts, journal);
        }
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error(`Rollout of ${name} failed: ${message.split("\n")[0]}`);
        if (!(error instanceof RolloutError))
            log.info(message);
        reports.push({ step: "failed", traffic: "", requests: 0, byNew: 0, ok: false, note: message.split("\n")[0] });
        await log.group(`Roll back to ${describeTraffic(journal.saved)}`, () => undo(deps, journal));
        const after = (await endpoints.get(plan.endpoint)) ?? before;
        return { status: "RolledBack", rolledBack: true, steps: reports, error: message, endpoint: after };
    }
    await log.group("Remove old deployments", () => removeOldDeployments(deps, plan.endpoint, name));
    await writeJournal(deps.artifacts, { ...journal, state: "succeeded" });
    const after = (await endpoints.get(plan.endpoint)) ?? before;
    return { status: "Succeeded", rolledBack: false, steps: reports, endpoint: after };
}

;// CONCATENATED MODULE: ./build/bundle/tasks/model-ref.js

const model_ref_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
function formatModelRef(ref) {
    return ref.version === "latest" ? `${ref.name}@latest` : `${ref.name}:${ref.version}`;
}
/** Parses a model reference; `azureml:` prefixes (as Azure ML YAML writes them) are accepted. */
function parseModelRef(text, input) {
    const raw = text.trim().replace(/^azureml:/, "");
    const at = raw.lastIndexOf("@");
    const colon = raw.lastIndexOf(":");
    const cut = at >= 0 ? at : colon;
    const name = cut > 0 ? raw.slice(0, cut) : "";
    const version = cut > 0 ? raw.slice(cut + 1) : "";
    if (!model_ref_NAME.test(name) || !VERSION.test(version)) {
        throw new UserError(`'${text}' is not a model reference`, { input }, "Write name:version (diabetes-model:3), name@3 or name@latest");
    }
    return { name, version };
}
/** Looks a reference up in the workspace; a missing model says which versions exist. */
async function resolveModel(workspace, ref, input) {
    const found = await workspace.models.get(ref.name, ref.version);
    if (found)
        return found;
    const versions = (await workspace.models.list(ref.name)).map((m) => m.version);
    throw new UserError(`model ${formatModelRef(ref)} is not registered in the workspace`, { input }, versions.length
        ? `Registered versions of ${ref.name}: ${versions.join(", ")}`
        : `No version of ${ref.name} is registered; register it first (compare-models with register: true does)`);
}

;// CONCATENATED MODULE: ./build/bundle/tasks/deploy-endpoint.js









const deploy_endpoint_spec = {
    name: "deploy-endpoint",
    title: "Deploy endpoint",
    summary: "Blue/green rollout to an online endpoint: deploy at 0 %, smoke test, shift traffic in steps, roll back on failure.",
    inputs: [
        {
            name: "endpoint",
            type: "string",
            required: true,
            description: "Online endpoint name (3-32 letters, digits and '-', starting with a letter).",
            example: "diabetes",
        },
        {
            name: "model",
            type: "string",
            required: true,
            description: "Model reference, `name:version`, `name@3` or `name@latest`.",
            example: "diabetes-model@latest",
        },
        {
            name: "deployment",
            type: "string",
            description: "Name of the new deployment. Default: derived from the model, such as `diabetes-model-v3`.",
        },
        {
            name: "scoringScript",
            type: "path",
            required: true,
            description: "A `score.py` with `init()` and `run(raw_data)`, the contract Azure ML uses.",
            example: "examples/pipelines/demo/score.py",
        },
        {
            name: "codeDir",
            type: "path",
            description: "Folder shipped with the scoring script. Default: the script's folder.",
        },
        {
            name: "smokeTest",
            type: "path",
            description: "A JSON request file sent to the new deployment before it gets traffic, and through the endpoint after each traffic step.",
        },
        {
            name: "traffic",
            type: "string",
            default: "100",
            description: "Traffic steps for the new deployment, in percent, increasing and ending at 100, such as `10,50,100`.",
        },
        {
            name: "burst",
            type: "number",
            default: "20",
            description: "Requests sent through the endpoint after each traffic step; every one must answer 2xx with JSON. 0 sends none.",
            advanced: true,
        },
        {
            name: "environment",
            type: "string",
            description: "Azure ML environment for the deployment (backend `azureml`); the local backend runs the scoring script with python3 (or `MLOPS_PYTHON`).",
            advanced: true,
        },
        {
            name: "instanceType",
            type: "string",
            description: "VM size of the deployment (backend `azureml`), such as `Standard_DS3_v2`.",
            advanced: true,
        },
        {
            name: "instanceCount",
            type: "number",
            default: "1",
            description: "Number of instances (backend `azureml`).",
            advanced: true,
        },
        ...WORKSPACE_INPUTS,
    ],
    outputs: [
        { name: "deployment", description: "Name of the new deployment." },
        { name: "scoringUri", description: "The endpoint's scoring URI." },
        { name: "status", description: "`Succeeded`, or `RolledBack` when a step failed." },
        { name: "rolledBack", description: "`true` when the rollout failed and the saved traffic was restored." },
    ],
    example: {
        endpoint: "diabetes",
        model: "diabetes-model@latest",
        scoringScript: "score.py",
        smokeTest: "sample-request.json",
        traffic: "10,50,100",
    },
};
/** Azure ML's rule for endpoint and deployment names, checked before anything is created. */
const deploy_endpoint_ONLINE_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$/;
function checkOnlineName(value, input) {
    if (!deploy_endpoint_ONLINE_NAME.test(value)) {
        throw new UserError(`'${value}' is not a valid name`, { input }, "Use 3 to 32 letters, digits and '-', starting with a letter and not ending with '-'");
    }
}
/** `diabetes-model` version 3 → `diabetes-model-v3`, cut to Azure ML's 32 characters. */
function deploymentNameFor(model, version) {
    const suffix = `-v${version.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 12);
    let base = model
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^[^a-z]+/, "");
    base = (base || "model").slice(0, 32 - suffix.length).replace(/-+$/, "");
    return `${base}${suffix}`.replace(/-+$/, "");
}
async function existingPath(cwd, value, input, kind) {
    const path = (0,external_node_path_namespaceObject.resolve)(cwd, value);
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info || (kind === "file" ? !info.isFile() : !info.isDirectory())) {
        throw new UserError(`'${value}' is not an existing ${kind}`, { input }, `Give a ${kind} path relative to the working directory`);
    }
    return path;
}
async function deploy_endpoint_run(ctx) {
    const { inputs, workspace, log } = ctx;
    // Every input is checked before anything changes.
    const endpoint = inputs.requiredString("endpoint");
    checkOnlineName(endpoint, "endpoint");
    const ref = parseModelRef(inputs.requiredString("model"), "model");
    const steps = parseTrafficSteps(inputs.string("traffic") ?? "100");
    const burst = inputs.number("burst") ?? 20;
    if (!Number.isInteger(burst) || burst < 0 || burst > 10_000) {
        throw new UserError(`'${burst}' is not a request count`, { input: "burst" }, "Give a whole number from 0 to 10000");
    }
    const scoringScript = await existingPath(ctx.cwd, inputs.requiredString("scoringScript"), "scoringScript", "file");
    const codeDir = inputs.has("codeDir")
        ? await existingPath(ctx.cwd, inputs.requiredString("codeDir"), "codeDir", "folder")
        : (0,external_node_path_namespaceObject.dirname)(scoringScript);
    const request = inputs.has("smokeTest")
        ? await readJsonRequest((0,external_node_path_namespaceObject.resolve)(ctx.cwd, inputs.requiredString("smokeTest")), "smokeTest")
        : undefined;
    const model = await resolveModel(workspace, ref, "model");
    const modelRef = formatModelRef(model);
    const name = inputs.string("deployment") || deploymentNameFor(model.name, model.version);
    checkOnlineName(name, "deployment");
    if (workspace.backend === "local" && (inputs.has("environment") || inputs.has("instanceType"))) {
        log.debug("environment and instanceType apply to Azure ML deployments; the local backend ignores them");
    }
    const deps = { endpoints: workspace.endpoints, artifacts: workspace.artifacts, log, signal: ctx.signal };
    let before = await log.group(`Endpoint ${endpoint}`, () => workspace.endpoints.ensure(endpoint, log));
    log.info(`Endpoint ${endpoint}: ${before.scoringUri}; traffic ${describeTraffic(before.traffic)}`);
    for (const d of before.deployments) {
        if (d.error)
            log.warning(`Deployment ${d.name} is not serving: ${d.error}`);
    }
    // A rollout that a killed runner left half done is finished (it had passed 100 %) or undone.
    const journal = await readJournal(workspace.artifacts, endpoint);
    if (journal?.state === "running") {
        if (journal.reached === 100) {
            log.warning(`The rollout of ${journal.deployment} (started ${journal.startedAt}) reached 100 % but did not finish: finishing it.`);
            await removeOldDeployments(deps, endpoint, journal.deployment);
        }
        else {
            log.warning(`The rollout of ${journal.deployment} (started ${journal.startedAt}) was interrupted at ${journal.reached} %: undoing it.`);
            try {
                await undo(deps, journal);
            }
            catch (error) {
                throw new TaskFailure(`could not undo the interrupted rollout of ${journal.deployment}: ${error.message}`);
            }
        }
        before = (await workspace.endpoints.get(endpoint)) ?? before;
    }
    const existing = before.deployments.find((d) => d.name === name);
    if (existing) {
        const share = before.traffic[name] ?? 0;
        if (share === 100 && existing.model === modelRef && !existing.error) {
            log.info(`Deployment ${name} already serves ${modelRef} with all traffic: nothing to roll out.`);
            await removeOldDeployments(deps, endpoint, name);
            const now = (await workspace.endpoints.get(endpoint)) ?? before;
            return result(name, now.scoringUri, { status: "Succeeded", rolledBack: false, steps: [], endpoint: now }, modelRef, before.traffic);
        }
        if (share > 0) {
            throw new UserError(`deployment ${name} already exists on endpoint ${endpoint} with ${share} % of the traffic (serving ${existing.model})`, { input: "deployment" }, "Set 'deployment' to a new name");
        }
        log.warning(`Removing leftover deployment ${name} (0 % traffic, ${existing.status}) from an earlier run.`);
        await workspace.endpoints.deleteDeployment(endpoint, name, log);
        before = (await workspace.endpoints.get(endpoint)) ?? before;
    }
    let outcome;
    try {
        outcome = await blueGreen(deps, {
            endpoint,
            deployment: {
                name,
                model,
                scoringScript,
                codeDir,
                environment: inputs.string("environment"),
                instanceType: inputs.string("instanceType"),
                instanceCount: inputs.number("instanceCount"),
            },
            modelRef,
            steps,
            request,
            burst,
        }, before);
    }
    catch (error) {
        // Only the rollback itself failing gets here: the journal lets a re-run undo it.
        throw new TaskFailure(`the rollout of ${name} failed and the traffic could not be restored: ${error.message}. Re-run deploy-endpoint to undo it`);
    }
    return result(name, outcome.endpoint.scoringUri, outcome, modelRef, before.traffic);
}
function result(name, scoringUri, outcome, modelRef, saved) {
    const verdict = outcome.rolledBack
        ? `**Rolled back**: ${name} (${modelRef}) did not go live; traffic restored to ${describeTraffic(saved)}.`
        : `**Deployed** ${name} (${modelRef}): it serves all traffic at ${scoringUri}.`;
    const rows = outcome.steps.map((s) => [s.step, s.traffic, s.requests, s.byNew, s.ok ? "✅" : `❌ ${s.note ?? ""}`]);
    const summary = [
        `### Deploy endpoint \`${outcome.endpoint.name}\``,
        "",
        verdict,
        "",
        ...(rows.length ? [table(["step", "traffic", "requests", `answered by ${name}`, "result"], rows), ""] : []),
    ].join("\n");
    return {
        outputs: { deployment: name, scoringUri, status: outcome.status, rolledBack: String(outcome.rolledBack) },
        summary,
        failure: outcome.rolledBack ? `rollout of ${name} rolled back: ${(outcome.error ?? "").split("\n")[0]}` : undefined,
    };
}
const deployEndpoint = { spec: deploy_endpoint_spec, run: deploy_endpoint_run };

;// CONCATENATED MODULE: ./build/bundle/tasks/register-dataset.js




const register_dataset_spec = {
    name: "register-dataset",
    title: "Register dataset",
    summary: "Fingerprints data, stores it in the workspace and registers a new data-asset version only when the content changed.",
    inputs: [
        { name: "name", type: "string", required: true, description: "Data asset name, such as `diabetes`.", example: "diabetes" },
        { name: "path", type: "path", required: true, description: "File or folder holding the data.", example: "data/diabetes.csv" },
        {
            name: "type",
            type: "choice",
            options: ["uri_file", "uri_folder", "mltable"],
            description: "Data asset type. Default: `uri_file` for a file, `uri_folder` for a folder.",
        },
        { name: "description", type: "string", description: "Description stored with a new version." },
        { name: "tags", type: "multiline", description: "Tags for a new version, `key=value`, one per line." },
        ...WORKSPACE_INPUTS,
    ],
    outputs: [
        { name: "name", description: "Data asset name." },
        { name: "version", description: "The registered version, or the existing one when nothing changed." },
        { name: "changed", description: "`true` when a new version was registered, `false` when the content was already the latest version." },
        { name: "fingerprint", description: "sha256 over the sorted relative paths and file contents." },
        { name: "uri", description: "Where the version's data lives in the workspace." },
    ],
    example: { name: "diabetes", path: "data/diabetes.csv" },
};
const register_dataset_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
async function register_dataset_run(ctx) {
    const { inputs, workspace, log } = ctx;
    const name = inputs.requiredString("name");
    if (!register_dataset_NAME.test(name)) {
        throw new UserError(`'${name}' is not a valid data asset name`, { input: "name" }, "Use letters, digits, '-', '_' and '.', starting with a letter or digit");
    }
    const path = (0,external_node_path_namespaceObject.resolve)(ctx.cwd, inputs.requiredString("path"));
    const tags = inputs.map("tags");
    const fp = await log.group(`Fingerprint ${path}`, () => fingerprint(path));
    const type = (inputs.string("type") ?? (fp.isFile ? "uri_file" : "uri_folder"));
    if (type === "uri_file" && !fp.isFile) {
        throw new UserError(`'${path}' is a folder but type is uri_file`, { input: "type" }, "Use uri_folder or mltable for a folder");
    }
    if (type !== "uri_file" && fp.isFile) {
        throw new UserError(`'${path}' is a file but type is ${type}`, { input: "type" }, "Use uri_file for a single file");
    }
    log.info(`${fp.files.length} file(s), ${fp.bytes} bytes, fingerprint ${fp.digest}`);
    const latest = await workspace.datasets.get(name, "latest");
    let changed = false;
    let version = latest;
    if (latest && latest.fingerprint === fp.digest) {
        log.info(`Unchanged: ${name}:${latest.version} already holds this content; nothing registered.`);
    }
    else {
        if (ctx.run.commit)
            tags.commit ??= ctx.run.commit;
        if (ctx.run.runUrl)
            tags.runUrl ??= ctx.run.runUrl;
        tags.fingerprint = fp.digest;
        version = await workspace.datasets.create({ name, type, source: path, fingerprint: fp.digest, files: fp.files, description: inputs.string("description"), tags }, log);
        changed = version.version !== latest?.version;
    }
    if (!version)
        throw new Error("registration returned no version");
    const summary = [
        `### Dataset \`${name}\``,
        "",
        "| version | changed | files | bytes | fingerprint |",
        "| --- | --- | --- | --- | --- |",
        `| ${version.version} | ${changed} | ${fp.files.length} | ${fp.bytes} | \`${fp.digest.slice(0, 12)}\` |`,
        "",
    ].join("\n");
    return {
        outputs: { name, version: version.version, changed: String(changed), fingerprint: fp.digest, uri: version.uri },
        summary,
    };
}
const registerDataset = { spec: register_dataset_spec, run: register_dataset_run };

;// CONCATENATED MODULE: ./build/bundle/pipeline/index.js



/**
 * Reads the YAML (with `set` overrides), validates it and plans it. Every problem is logged as
 * an error at its file:line:column; the first is thrown as a UserError saying how many there are.
 */
async function preparePipeline(file, set, log) {
    const { job, problems } = await loadPipeline(file, { set, input: "pipeline" });
    const { plan } = planPipeline(job, problems);
    if (!problems.empty) {
        if (problems.list.length > 1)
            for (const p of problems.list)
                log.error(describeProblem(p));
        throw problems.toError();
    }
    return { job, plan };
}

;// CONCATENATED MODULE: ./build/bundle/pipeline/render.js
function describeInput(i) {
    switch (i.kind) {
        case "value":
            return JSON.stringify(i.value);
        case "data":
            return `${i.type} ${i.path}`;
        case "step":
            return `${i.step}.${i.output}`;
        case "search":
            return "search space";
        case "none":
            return "(not given)";
    }
}
/** One line per step: its level, kind, inputs and what it waits for. */
function planLines(plan, reused = []) {
    const byId = new Map(plan.steps.map((s) => [s.id, s]));
    const lines = [];
    plan.levels.forEach((level, i) => {
        lines.push(`Stage ${i + 1}${level.length > 1 ? ` (${level.length} steps in parallel)` : ""}:`);
        for (const id of level) {
            const s = byId.get(id);
            const kind = s.node.type === "sweep" ? `sweep of ${describeSweep(s.node.sweep)}` : s.node.type;
            const ins = Object.entries(s.inputs).map(([k, v]) => `${k}=${describeInput(v)}`).join(", ");
            lines.push(`  ${id} [${kind}]${reused.includes(id) ? " (would be reused)" : ""}${ins ? ` ← ${ins}` : ""}`);
        }
    });
    for (const [name, src] of Object.entries(plan.outputs))
        lines.push(`Output ${name} ← ${src.step}.${src.output}`);
    return lines;
}
function describeSweep(s) {
    const total = Number.isFinite(s.limits.maxTotalTrials) ? `${s.limits.maxTotalTrials} trials` : "all grid trials";
    return `${total}, ${s.sampling.type}, ${s.objective.goal} ${s.objective.primaryMetric}`;
}
const nodeId = (id) => `s_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
/** The DAG as a mermaid flowchart: steps as nodes, data edges labelled with output names. */
function mermaid(plan, reused = []) {
    const lines = ["flowchart LR"];
    for (const s of plan.steps) {
        const label = `${s.id}${s.node.type !== "command" ? ` (${s.node.type})` : ""}${reused.includes(s.id) ? " ♻" : ""}`;
        lines.push(`  ${nodeId(s.id)}["${label.replace(/"/g, "'")}"]`);
    }
    for (const s of plan.steps) {
        for (const i of Object.values(s.inputs)) {
            if (i.kind === "step")
                lines.push(`  ${nodeId(i.step)} -->|${i.output}| ${nodeId(s.id)}`);
        }
    }
    for (const [name, src] of Object.entries(plan.outputs)) {
        lines.push(`  out_${name.replace(/[^A-Za-z0-9_]/g, "_")}[/"${name}"/]`);
        lines.push(`  ${nodeId(src.step)} -->|${src.output}| out_${name.replace(/[^A-Za-z0-9_]/g, "_")}`);
    }
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./build/bundle/tasks/submit-pipeline.js





const submit_pipeline_spec = {
    name: "submit-pipeline",
    title: "Submit pipeline",
    summary: "Runs an Azure ML pipeline job YAML (the file `az ml job create -f` takes), waits, and reports status and metrics.",
    inputs: [
        { name: "pipeline", type: "path", description: "The pipeline job YAML. Required unless `jobName` attaches to an existing job.", example: "examples/pipelines/demo/pipeline.yml" },
        { name: "set", type: "multiline", description: "Overrides, one per line, such as `inputs.learning_rate=0.1` or `settings.force_rerun=true`." },
        { name: "experimentName", type: "string", default: "mlops-action", description: "Experiment the job is filed under (the YAML's `experiment_name` wins)." },
        { name: "wait", type: "boolean", default: "true", description: "Wait for the job to finish. The local backend runs the job in this process, so it always waits." },
        { name: "timeoutMinutes", type: "number", description: "Cancel the job when it runs longer than this." },
        { name: "dryRun", type: "boolean", default: "false", description: "Validate and print the plan (DAG, uploads, reused steps) without running anything." },
        { name: "maxParallel", type: "number", description: "Local backend: at most this many step processes at once (default: the number of cores).", advanced: true },
        { name: "jobName", type: "string", description: "Attach to an existing job instead of submitting: wait for it and report its outputs." },
        { name: "forceRerun", type: "boolean", default: "false", description: "Run every step even when an earlier run could be reused." },
        ...WORKSPACE_INPUTS,
    ],
    outputs: [
        { name: "jobName", description: "Name of the pipeline job." },
        { name: "status", description: "Azure ML's status word: `Completed`, `Failed`, `Canceled` (or the current status when not waiting)." },
        { name: "metrics", description: "JSON object of the metrics the steps logged, as `step.metric` and, where unique, `metric`." },
        { name: "outputs", description: "JSON map of pipeline output name (and `step.output`) → path or URI." },
        { name: "studioUrl", description: "Where to look at the job: the Azure ML studio URL, or the job's folder (`file://`) locally." },
    ],
    example: { pipeline: "examples/pipelines/demo/pipeline.yml" },
};
async function submit_pipeline_run(ctx) {
    const { inputs, workspace, log } = ctx;
    const attach = inputs.string("jobName");
    const timeout = inputs.number("timeoutMinutes");
    if (timeout !== undefined && !(timeout > 0)) {
        throw new UserError(`'${timeout}' is not a positive number of minutes`, { input: "timeoutMinutes" }, "Give a number of minutes such as 60");
    }
    const maxParallel = inputs.number("maxParallel");
    if (maxParallel !== undefined && !(Number.isInteger(maxParallel) && maxParallel >= 1)) {
        throw new UserError(`'${maxParallel}' is not a whole number of processes`, { input: "maxParallel" }, "Give 1 or more");
    }
    const waitOptions = { log, signal: ctx.signal, timeoutMs: timeout !== undefined ? timeout * 60_000 : undefined };
    if (attach) {
        if (!(await workspace.jobs.get(attach))) {
            throw new UserError(`no job '${attach}' on the ${workspace.description}`, { input: "jobName" }, "Give the jobName a previous submit-pipeline printed");
        }
        log.info(`Attaching to job ${attach}`);
        return report(await workspace.jobs.wait(attach, waitOptions), ctx);
    }
    const file = (0,external_node_path_namespaceObject.resolve)(ctx.cwd, inputs.requiredString("pipeline"));
    const set = inputs.list("set");
    const { job, plan } = await log.group(`Validate ${file}`, () => preparePipeline(file, set, log));
    const experimentName = job.experimentName ?? inputs.string("experimentName") ?? "mlops-action";
    const submitOptions = {
        experimentName,
        baseDir: job.baseDir,
        maxParallel,
        forceRerun: inputs.boolean("forceRerun"),
        log,
        signal: ctx.signal,
    };
    log.info(`${plan.steps.length} step(s) in ${plan.levels.length} stage(s): ${plan.steps.map((s) => s.id).join(", ")}`);
    if (inputs.boolean("dryRun")) {
        const preview = workspace.jobs.preview ? await workspace.jobs.preview(job, submitOptions) : { reused: [], refused: [], uploads: [] };
        const reused = submitOptions.forceRerun ? [] : preview.reused;
        const lines = planLines(plan, reused);
        for (const l of lines)
            log.info(l);
        for (const u of preview.uploads)
            log.info(`Would upload: ${u}`);
        for (const r of preview.refused)
            log.error(r);
        const summary = [
            `### Pipeline plan: \`${job.displayName ?? file}\` (dry run)`,
            "",
            "```mermaid",
            mermaid(plan, reused),
            "```",
            "",
            ...(preview.uploads.length ? ["Would upload:", "", ...preview.uploads.map((u) => `- \`${u}\``), ""] : []),
            reused.length ? `Would reuse: ${reused.map((r) => `\`${r}\``).join(", ")}` : "No step would be reused.",
            "",
            ...(preview.refused.length ? ["**Cannot run on this backend:**", "", ...preview.refused.map((r) => `- ${r}`), ""] : []),
        ].join("\n");
        return {
            outputs: { jobName: "", status: preview.refused.length ? "Failed" : "NotStarted", metrics: "{}", outputs: "{}", studioUrl: "" },
            summary,
            failure: preview.refused.length ? `the ${workspace.backend} backend cannot run this pipeline: ${preview.refused[0]}` : undefined,
        };
    }
    const name = await workspace.jobs.submit(job, submitOptions);
    log.info(`Submitted job ${name} (experiment ${experimentName})`);
    if (!inputs.boolean("wait") && workspace.backend !== "local") {
        const record = await workspace.jobs.get(name);
        return {
            outputs: { jobName: name, status: record?.status ?? "NotStarted", metrics: "{}", outputs: "{}", studioUrl: record?.studioUrl ?? "" },
        };
    }
    if (!inputs.boolean("wait"))
        log.info("The local runner runs the job in this process: waiting for it anyway.");
    return report(await workspace.jobs.wait(name, waitOptions), ctx);
}
function report(record, ctx) {
    const outputs = {
        jobName: record.name,
        status: record.status,
        metrics: JSON.stringify(record.metrics),
        outputs: JSON.stringify(record.outputs),
        studioUrl: record.studioUrl ?? "",
    };
    const rows = record.steps.map((s) => `| ${s.name} | ${s.status}${s.reused ? " (reused)" : ""} | ${s.error ?? ""} |`);
    const metricRows = Object.entries(record.metrics)
        .filter(([k]) => !k.includes("."))
        .map(([k, v]) => `| ${k} | ${v} |`);
    const summary = [
        `### Pipeline job \`${record.name}\`: ${record.status}`,
        "",
        "| step | status | note |",
        "| --- | --- | --- |",
        ...rows,
        "",
        ...(metricRows.length ? ["| metric | value |", "| --- | --- |", ...metricRows, ""] : []),
    ].join("\n");
    const reused = record.steps.filter((s) => s.reused).map((s) => s.name);
    if (ctx && reused.length > 0)
        ctx.log.info(`Reused ${reused.length} step(s): ${reused.join(", ")}`);
    if (record.status === "Completed")
        return { outputs, summary };
    // A failed step: show the end of its log so the cause is visible without opening the workspace.
    const failed = record.steps.find((s) => s.status === "Failed");
    let failure = `Pipeline job ${record.name} ${record.status}${record.error ? `: ${record.error}` : ""}`;
    if (failed?.logTail?.length) {
        ctx?.log.error(`Last lines of step '${failed.name}' (full log: ${failed.log ?? "in the job folder"}):`);
        for (const line of failed.logTail)
            ctx?.log.error(`[${failed.name}] ${line}`);
        failure += `\nLast lines of ${failed.name}'s log:\n${failed.logTail.join("\n")}`;
    }
    return { outputs, summary, failure };
}
const submitPipeline = { spec: submit_pipeline_spec, run: submit_pipeline_run };

;// CONCATENATED MODULE: ./build/bundle/data/stats.js
/**
 * Drift statistics, each written to give what SciPy (and Evidently, which calls SciPy) gives for
 * the same inputs; test/fixtures/data/make_reference.py computes the reference values.
 */
const TEST_NAMES = ["ks", "chisquare", "ztest", "wasserstein", "jensenshannon", "psi"];
/** p-value tests flag drift when p < threshold; distance tests when the distance ≥ threshold. */
const IS_P_VALUE = {
    ks: true,
    chisquare: true,
    ztest: true,
    wasserstein: false,
    jensenshannon: false,
    psi: false,
};
// ---- special functions ----
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
function logGamma(x) {
    if (x < 0.5)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    const z = x - 1;
    let a = LANCZOS[0];
    const t = z + 7.5;
    for (let i = 1; i < 9; i++)
        a += LANCZOS[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
/** Regularized upper incomplete gamma Q(a, x) (series below a+1, continued fraction above). */
function gammaQ(a, x) {
    if (x <= 0)
        return 1;
    if (!Number.isFinite(x))
        return 0;
    const lnPre = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
        let sum = 1 / a;
        let term = sum;
        for (let n = 1; n < 10_000; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-16)
                break;
        }
        return 1 - sum * Math.exp(lnPre);
    }
    // Lentz's method.
    const tiny = 1e-300;
    let b = x + 1 - a;
    let c = 1 / tiny;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 10_000; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return Math.exp(lnPre) * h;
}
function chi2Sf(x, df) {
    if (x === Number.POSITIVE_INFINITY)
        return 0;
    return gammaQ(df / 2, x / 2);
}
/** P(Z > z) for a standard normal, through erfc(x) = Q(1/2, x²). */
function normalSf(z) {
    const t = z / Math.SQRT2;
    return t >= 0 ? 0.5 * gammaQ(0.5, t * t) : 1 - 0.5 * gammaQ(0.5, t * t);
}
/** Kolmogorov's limiting distribution, P(K > λ). */
function kolmogorovSf(lambda) {
    if (lambda < 0.2)
        return 1;
    let sum = 0;
    for (let k = 1; k <= 100; k++) {
        const term = (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
        sum += term;
        if (Math.abs(term) < 1e-16)
            break;
    }
    return Math.max(0, Math.min(1, 2 * sum));
}
// ---- empirical distributions ----
function totalWeight(s) {
    if (!s.weights)
        return s.values.length;
    let t = 0;
    for (let i = 0; i < s.weights.length; i++)
        t += s.weights[i];
    return t;
}
/** Walks two sorted weighted samples in value order, calling back with both CDFs after each distinct value. */
function walkCdfs(a, b, visit) {
    const ta = totalWeight(a);
    const tb = totalWeight(b);
    let i = 0;
    let j = 0;
    let ca = 0;
    let cb = 0;
    const na = a.values.length;
    const nb = b.values.length;
    while (i < na || j < nb) {
        const x = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
        while (i < na && a.values[i] === x)
            ca += a.weights ? a.weights[i++] : (i++, 1);
        while (j < nb && b.values[j] === x)
            cb += b.weights ? b.weights[j++] : (j++, 1);
        const next = i < na && j < nb ? Math.min(a.values[i], b.values[j]) : i < na ? a.values[i] : j < nb ? b.values[j] : x;
        visit(x, ca / ta, cb / tb, next);
    }
}
function sorted(values) {
    return Float64Array.from(values).sort();
}
/** Two-sample Kolmogorov–Smirnov statistic D = sup |F_a − F_b|. */
function ksStatistic(a, b) {
    let d = 0;
    walkCdfs(a, b, (_x, fa, fb) => {
        const diff = Math.abs(fa - fb);
        if (diff > d)
            d = diff;
    });
    return d;
}
/**
 * The two-sided KS test. The p-value is Kolmogorov's limiting distribution with Stephens' finite
 * sample correction on the effective size n·m/(n+m) (as Numerical Recipes gives it): within a few
 * percent of SciPy's exact p-value for the sizes that matter, without its O(n·m) path count.
 */
function ksTest(a, b, na = totalWeight(a), nb = totalWeight(b)) {
    const statistic = ksStatistic(a, b);
    const en = Math.sqrt((na * nb) / (na + nb));
    return { statistic, pValue: kolmogorovSf((en + 0.12 + 0.11 / en) * statistic) };
}
/** The first Wasserstein distance ∫|F_a − F_b| (SciPy's wasserstein_distance). */
function wasserstein(a, b) {
    let w = 0;
    walkCdfs(a, b, (x, fa, fb, next) => {
        w += Math.abs(fa - fb) * (next - x);
    });
    return w;
}
/** Population standard deviation (NumPy's std, ddof 0) of a weighted sample. */
function weightedStd(s) {
    const t = totalWeight(s);
    let mean = 0;
    for (let i = 0; i < s.values.length; i++)
        mean += s.values[i] * (s.weights ? s.weights[i] : 1);
    mean /= t;
    let v = 0;
    for (let i = 0; i < s.values.length; i++)
        v += (s.values[i] - mean) ** 2 * (s.weights ? s.weights[i] : 1);
    return Math.sqrt(v / t);
}
/** Evidently's normalized Wasserstein distance: the distance in units of the reference's std. */
function wassersteinNormalized(ref, cur, refStd = weightedStd(ref)) {
    return wasserstein(ref, cur) / Math.max(refStd, 0.001);
}
/** NumPy's histogram_bin_edges(..., bins="sturges") over both samples' range. */
function sturgesEdges(min, max, n) {
    const bins = Math.max(1, Math.ceil(Math.log2(n) + 1));
    if (min === max) {
        min -= 0.5;
        max += 0.5;
    }
    return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + ((max - min) * i) / bins));
}
/** NumPy's histogram: bins [e_i, e_i+1), the last one closed; returns shares of the total weight. */
function histogramShares(s, edges) {
    const bins = edges.length - 1;
    const counts = new Array(bins).fill(0);
    const t = totalWeight(s);
    for (let i = 0; i < s.values.length; i++) {
        const x = s.values[i];
        if (x < edges[0] || x > edges[bins])
            continue;
        let lo = 0;
        let hi = bins;
        // Last edge ≤ x.
        while (hi - lo > 1) {
            const mid = (lo + hi) >>> 1;
            if (edges[mid] <= x)
                lo = mid;
            else
                hi = mid;
        }
        counts[lo] += s.weights ? s.weights[i] : 1;
    }
    return counts.map((c) => c / t);
}
/** Evidently fills empty bins with a small share so the logarithms stay finite. */
function fillZeros(shares) {
    return shares.map((p) => (p === 0 ? 0.0001 : p));
}
/** Jensen–Shannon distance (SciPy's jensenshannon, natural log): √ of the divergence. */
function jensenShannon(p, q) {
    const sp = p.reduce((a, b) => a + b, 0);
    const sq = q.reduce((a, b) => a + b, 0);
    let js = 0;
    for (let i = 0; i < p.length; i++) {
        const a = p[i] / sp;
        const b = q[i] / sq;
        const m = (a + b) / 2;
        if (a > 0)
            js += 0.5 * a * Math.log(a / m);
        if (b > 0)
            js += 0.5 * b * Math.log(b / m);
    }
    return Math.sqrt(Math.max(0, js));
}
/** Population stability index Σ (r − c)·ln(r / c), over shares with empty bins filled. */
function psi(ref, cur) {
    let s = 0;
    for (let i = 0; i < ref.length; i++)
        s += (ref[i] - cur[i]) * Math.log(ref[i] / cur[i]);
    return s;
}
/**
 * Evidently's chi-square test: the current counts against the reference counts scaled to the
 * current total (SciPy's chisquare), over the union of categories; df = categories − 1.
 */
function chiSquareTest(ref, cur) {
    const nRef = ref.reduce((a, b) => a + b, 0);
    const nCur = cur.reduce((a, b) => a + b, 0);
    const k = nCur / nRef;
    let stat = 0;
    for (let i = 0; i < ref.length; i++) {
        const expected = ref[i] * k;
        if (expected === 0) {
            if (cur[i] > 0)
                stat = Number.POSITIVE_INFINITY;
            continue;
        }
        stat += (cur[i] - expected) ** 2 / expected;
    }
    const df = ref.length - 1;
    return { statistic: stat, pValue: df < 1 ? 1 : chi2Sf(stat, df) };
}
/** Two-proportion z-test (Evidently's z_stat_test) on the share of one category, two-sided. */
function zTest(refHits, nRef, curHits, nCur) {
    const p1 = refHits / nRef;
    const p2 = curHits / nCur;
    const p = (refHits + curHits) / (nRef + nCur);
    const se = Math.sqrt(p * (1 - p) * (1 / nRef + 1 / nCur));
    if (se === 0)
        return { statistic: 0, pValue: 1 };
    const z = (p1 - p2) / se;
    return { statistic: z, pValue: 2 * normalSf(Math.abs(z)) };
}

;// CONCATENATED MODULE: ./build/bundle/data/rules.js




const COLUMN_KEYS = ["min", "max", "allowed", "maxNullShare", "unique", "pattern", "drift"];
/**
 * Reads a rules YAML file:
 *
 * ```yaml
 * rows: { min: 100, max: 1000000 }
 * drift: { share: 0.5 }
 * columns:
 *   age: { min: 0, max: 120, maxNullShare: 0.01 }
 *   sex: { allowed: [M, F] }
 *   id: { unique: true, pattern: "^[A-Z]{2}[0-9]+$" }
 *   bmi: { drift: { test: psi, threshold: 0.2 } }
 * ```
 */
async function readRules(file, input = "rules") {
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch {
        throw new UserError(`'${file}' does not exist`, { input }, "Give the path of a rules YAML file");
    }
    return parseRules(text, file, input);
}
function parseRules(text, file, input = "rules") {
    const counter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter, prettyErrors: false });
    const lineOf = (node) => node?.range ? counter.linePos(node.range[0]).line : undefined;
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        throw new UserError(`is not valid YAML: ${e.message.split("\n")[0]}`, { input, file, line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col }, "Fix the YAML syntax");
    }
    const rules = { file, columns: {}, lines: {} };
    const bad = (msg, node, fix) => {
        throw new UserError(msg, { input, file, line: lineOf(node) }, fix);
    };
    const root = doc.contents;
    if (root === null || root === undefined)
        return rules;
    if (!(0,dist/* isMap */.jh)(root))
        bad("the rules file must be a mapping with `columns:`, `rows:` or `drift:`", root, "See docs/validate-data-details.md for the format");
    const num = (node, what) => {
        const v = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
        if (typeof v !== "number" || !Number.isFinite(v))
            bad(`${what} must be a number`, node, `Write a number, such as ${what}: 10`);
        return v;
    };
    for (const pair of root.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "";
        const value = pair.value;
        if (key === "rows") {
            if (!(0,dist/* isMap */.jh)(value))
                bad("rows must be a mapping such as { min: 100, max: 100000 }", value, "Write rows: { min: 100 }");
            rules.rows = {};
            for (const p of value.items) {
                const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : "";
                if (k !== "min" && k !== "max")
                    bad(`unknown key rows.${k}`, p.key, "Use rows.min and rows.max");
                rules.rows[k] = num(p.value, `rows.${k}`);
                rules.lines[`rows.${k}`] = lineOf(p.key) ?? 0;
            }
        }
        else if (key === "drift") {
            if (!(0,dist/* isMap */.jh)(value))
                bad("drift must be a mapping such as { share: 0.5 }", value, "Write drift: { share: 0.5 }");
            for (const p of value.items) {
                const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : "";
                if (k !== "share")
                    bad(`unknown key drift.${k}`, p.key, "Use drift.share");
                const share = num(p.value, "drift.share");
                if (share <= 0 || share > 1)
                    bad("drift.share must be in (0, 1]", p.value, "Use a share such as 0.5");
                rules.drift = { share };
            }
        }
        else if (key === "columns") {
            if (!(0,dist/* isMap */.jh)(value))
                bad("columns must map column names to their rules", value, "Write columns: { age: { min: 0 } }");
            for (const cp of value.items) {
                const column = (0,dist/* isScalar */.jn)(cp.key) ? String(cp.key.value) : "";
                const spec = cp.value;
                if (!(0,dist/* isMap */.jh)(spec))
                    bad(`rules of column '${column}' must be a mapping`, spec ?? cp.key, "Write for example age: { min: 0, max: 120 }");
                const cr = {};
                rules.lines[`columns.${column}`] = lineOf(cp.key) ?? 0;
                for (const p of spec.items) {
                    const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : "";
                    const v = p.value;
                    rules.lines[`columns.${column}.${k}`] = lineOf(p.key) ?? 0;
                    if (!COLUMN_KEYS.includes(k))
                        bad(`unknown rule '${k}' for column '${column}'`, p.key, `Use one of: ${COLUMN_KEYS.join(", ")}`);
                    if (k === "min" || k === "max")
                        cr[k] = num(v, k);
                    else if (k === "maxNullShare") {
                        cr.maxNullShare = num(v, k);
                        if (cr.maxNullShare < 0 || cr.maxNullShare > 1)
                            bad("maxNullShare must be between 0 and 1", v, "Use a share such as 0.05");
                    }
                    else if (k === "unique") {
                        if (!(0,dist/* isScalar */.jn)(v) || typeof v.value !== "boolean")
                            bad("unique must be true or false", v, "Write unique: true");
                        cr.unique = v.value;
                    }
                    else if (k === "allowed") {
                        const list = v?.toJSON?.();
                        if (!Array.isArray(list) || list.length === 0)
                            bad("allowed must be a non-empty list", v, "Write allowed: [a, b, c]");
                        cr.allowed = list.map((x) => String(x));
                    }
                    else if (k === "pattern") {
                        const pat = (0,dist/* isScalar */.jn)(v) ? String(v.value) : "";
                        try {
                            new RegExp(pat);
                        }
                        catch (error) {
                            bad(`pattern is not a valid regular expression (${error.message})`, v, "Fix the regular expression");
                        }
                        cr.pattern = pat;
                    }
                    else if (k === "drift") {
                        const d = v?.toJSON?.();
                        if (!d || typeof d !== "object")
                            bad("drift must be a mapping such as { test: ks, threshold: 0.05 }", v, "Write drift: { test: psi, threshold: 0.2 }");
                        const dd = d;
                        if (dd.test !== undefined && dd.test !== "none" && !TEST_NAMES.includes(dd.test)) {
                            bad(`unknown drift test '${dd.test}'`, v, `Use one of: ${TEST_NAMES.join(", ")}, none`);
                        }
                        if (dd.threshold !== undefined && (typeof dd.threshold !== "number" || !(dd.threshold > 0)))
                            bad("drift.threshold must be a positive number", v, "Write threshold: 0.1");
                        cr.drift = { test: dd.test, threshold: dd.threshold };
                    }
                }
                if (cr.min !== undefined && cr.max !== undefined && cr.min > cr.max)
                    bad(`min ${cr.min} is above max ${cr.max}`, spec, "Swap min and max");
                rules.columns[column] = cr;
            }
        }
        else {
            bad(`unknown key '${key}'`, pair.key, "Use columns, rows or drift");
        }
    }
    return rules;
}
/** The rules checked on every value of one column while streaming (the rest use the profile). */
function valueRules(rules, column) {
    const r = rules?.columns[column];
    if (!r)
        return [];
    const out = [];
    const numeric = (k) => k === 1 /* Kind.Integer */ || k === 2 /* Kind.Number */;
    if (r.min !== undefined) {
        const min = r.min;
        out.push({ name: "min", broken: (_s, k, n) => numeric(k) && n < min });
    }
    if (r.max !== undefined) {
        const max = r.max;
        out.push({ name: "max", broken: (_s, k, n) => numeric(k) && n > max });
    }
    if (r.allowed) {
        const allowed = new Set(r.allowed);
        out.push({ name: "allowed", broken: (s) => !allowed.has(s) });
    }
    if (r.pattern !== undefined) {
        const re = new RegExp(r.pattern);
        out.push({ name: "pattern", broken: (s) => !re.test(s) });
    }
    return out;
}
/** Evaluates the rules against a finished profile. */
function checkRules(rules, profile) {
    const out = [];
    const ruleLine = (key) => rules.lines[key];
    const dataFile = profile.source.files.length === 1 ? profile.source.files[0] : undefined;
    if (rules.rows?.min !== undefined && profile.rows < rules.rows.min) {
        out.push({
            severity: "error",
            check: "rows.min",
            message: `${profile.rows} rows, fewer than the rules' minimum ${rules.rows.min}`,
            file: rules.file,
            line: ruleLine("rows.min"),
        });
    }
    if (rules.rows?.max !== undefined && profile.rows > rules.rows.max) {
        out.push({
            severity: "error",
            check: "rows.max",
            message: `${profile.rows} rows, more than the rules' maximum ${rules.rows.max}`,
            file: rules.file,
            line: ruleLine("rows.max"),
        });
    }
    const byName = new Map(profile.columns.map((c) => [c.name, c]));
    for (const [name, r] of Object.entries(rules.columns)) {
        const col = byName.get(name);
        if (!col) {
            out.push({
                severity: "error",
                column: name,
                check: "rules",
                message: `the rules name column '${name}', which the data lacks`,
                file: rules.file,
                line: ruleLine(`columns.${name}`),
            });
            continue;
        }
        for (const rule of ["min", "max", "allowed", "pattern"]) {
            const hit = col.rules?.[rule];
            if (!hit)
                continue;
            const what = rule === "min"
                ? `below the minimum ${r.min}`
                : rule === "max"
                    ? `above the maximum ${r.max}`
                    : rule === "allowed"
                        ? "not in the allowed values"
                        : `not matching /${r.pattern}/`;
            out.push({
                severity: "error",
                column: name,
                check: rule,
                message: `${hit.count} value(s) ${what}; first ${JSON.stringify(hit.example)} at line ${hit.line}`,
                file: dataFile,
                line: dataFile ? hit.line : undefined,
            });
        }
        if (r.maxNullShare !== undefined && col.nullShare > r.maxNullShare) {
            out.push({
                severity: "error",
                column: name,
                check: "maxNullShare",
                message: `null share ${pct(col.nullShare)} is above the maximum ${pct(r.maxNullShare)}`,
                file: rules.file,
                line: ruleLine(`columns.${name}.maxNullShare`),
            });
        }
        if (r.unique) {
            const dup = duplicates(col);
            if (dup)
                out.push({
                    severity: "error",
                    column: name,
                    check: "unique",
                    message: dup,
                    file: rules.file,
                    line: ruleLine(`columns.${name}.unique`),
                });
        }
    }
    return out;
}
/**
 * Uniqueness from bounded memory: a value counted twice by the frequent-values sketch is a proven
 * duplicate (its counts are lower bounds); otherwise the HyperLogLog distinct count, with a 5 %
 * allowance for its error, flags columns with many repeats.
 */
function duplicates(col) {
    const nonNull = col.count - col.nulls;
    const top = col.top.items[0];
    if (top && top[1] > 1)
        return `values repeat: ${JSON.stringify(top[0])} appears ${top[1]}${col.top.error > 0 ? "+" : ""} times`;
    if (col.top.error > 0 && col.distinct.estimate < nonNull * 0.95) {
        return `about ${nonNull - col.distinct.estimate} repeated values (${col.distinct.estimate} distinct of ${nonNull})`;
    }
    return undefined;
}
function pct(x) {
    return `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;
}

;// CONCATENATED MODULE: ./build/bundle/data/sketches/random.js
/**
 * A small seeded PRNG (mulberry32). Sketches use it instead of Math.random so that the same
 * data always gives the same profile, which keeps baselines diffable and tests deterministic.
 */
class Random {
    state;
    constructor(seed = 0x9e3779b9) {
        this.state = seed >>> 0;
    }
    /** Uniform in [0, 1). */
    next() {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** Uniform integer in [0, n). */
    int(n) {
        return Math.floor(this.next() * n);
    }
    bit() {
        return this.next() < 0.5 ? 0 : 1;
    }
    /** A standard normal deviate (Box–Muller). */
    normal() {
        let u = 0;
        while (u === 0)
            u = this.next();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
    }
}

;// CONCATENATED MODULE: ./build/bundle/data/sketches/kll.js

/**
 * KLL quantile sketch (Karnin, Lang, Liberty 2016): bounded memory (about 3k items), mergeable
 * in any order, rank error about 1.7/k·n with high probability (k = 200 gives under 1 %).
 * Written here rather than taken from npm because the packages there either lack merging, lack a
 * plain JSON state we can document in the profile schema, or are unmaintained; compaction uses a
 * seeded PRNG so the same data always gives the same sketch.
 */
class Kll {
    k;
    n = 0;
    levels = [[]];
    random;
    constructor(k = 200, seed = 1) {
        this.k = k;
        this.random = new Random(seed);
    }
    static from(state, seed = 1) {
        const s = new Kll(state.k, seed);
        s.n = state.n;
        s.levels = state.levels.map((l) => l.slice());
        if (s.levels.length === 0)
            s.levels.push([]);
        s.items = s.size();
        return s;
    }
    toJSON() {
        return { k: this.k, n: this.n, levels: this.levels.map((l) => l.slice()) };
    }
    // Capacities depend only on the number of levels: cached, since add() is on the hot path.
    caps = [];
    capsFor = -1;
    total = 0;
    capacity(level) {
        if (this.capsFor !== this.levels.length) {
            const h = this.levels.length;
            this.caps = Array.from({ length: h }, (_, l) => Math.max(2, Math.ceil(this.k * (2 / 3) ** (h - l - 1))));
            this.total = this.caps.reduce((a, b) => a + b, 0);
            this.capsFor = h;
        }
        return this.caps[level];
    }
    size() {
        let s = 0;
        for (const l of this.levels)
            s += l.length;
        return s;
    }
    totalCapacity() {
        this.capacity(0);
        return this.total;
    }
    add(value) {
        this.levels[0].push(value);
        this.n++;
        // Lazy compaction (as in Ivkin et al.'s KLL code): only when the whole sketch is full, so
        // level 0 absorbs many values between compactions.
        if (++this.items >= this.totalCapacity())
            this.compress();
    }
    items = 0;
    merge(other) {
        while (this.levels.length < other.levels.length)
            this.levels.push([]);
        for (let h = 0; h < other.levels.length; h++) {
            for (const v of other.levels[h])
                this.levels[h].push(v);
        }
        this.n += other.n;
        this.compress();
    }
    compress() {
        this.items = this.size();
        while (this.items >= this.totalCapacity()) {
            let h = 0;
            while (h < this.levels.length && this.levels[h].length < this.capacity(h))
                h++;
            if (h === this.levels.length)
                return;
            if (h + 1 === this.levels.length)
                this.levels.push([]);
            // A typed array sorts numbers natively, much faster than a comparator.
            const level = Float64Array.from(this.levels[h]).sort();
            // An odd item stays behind so the weight kept equals the weight removed.
            const odd = level.length % 2 === 1;
            const end = odd ? level.length - 1 : level.length;
            const offset = this.random.bit();
            const up = this.levels[h + 1];
            for (let i = offset; i < end; i += 2)
                up.push(level[i]);
            this.levels[h] = odd ? [level[end]] : [];
            this.items -= end / 2;
        }
    }
    /** The items with their weights, sorted by value. */
    weighted() {
        const items = [];
        this.levels.forEach((level, h) => {
            const w = 2 ** h;
            for (const v of level)
                items.push([v, w]);
        });
        items.sort((a, b) => a[0] - b[0]);
        return {
            values: Float64Array.from(items, (i) => i[0]),
            weights: Float64Array.from(items, (i) => i[1]),
        };
    }
    /** The value at rank q·n (0 ≤ q ≤ 1). */
    quantiles(qs) {
        const { values, weights } = this.weighted();
        if (values.length === 0)
            return qs.map(() => Number.NaN);
        let total = 0;
        for (const w of weights)
            total += w;
        return qs.map((q) => {
            const target = q * total;
            let acc = 0;
            for (let i = 0; i < values.length; i++) {
                acc += weights[i];
                if (acc >= target)
                    return values[i];
            }
            return values[values.length - 1];
        });
    }
    /** Share of the weight at or below each value (the empirical CDF). */
    cdf(points) {
        const { values, weights } = this.weighted();
        let total = 0;
        for (const w of weights)
            total += w;
        if (total === 0)
            return points.map(() => Number.NaN);
        const cum = new Float64Array(values.length);
        let acc = 0;
        for (let i = 0; i < values.length; i++) {
            acc += weights[i];
            cum[i] = acc;
        }
        return points.map((p) => {
            // Last index with values[i] <= p.
            let lo = 0;
            let hi = values.length;
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (values[mid] <= p)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo === 0 ? 0 : cum[lo - 1] / total;
        });
    }
}

;// CONCATENATED MODULE: ./build/bundle/data/checks.js



/** How far the null share may rise above the baseline's before it is an error. */
const NULL_SHARE_MARGIN = 0.05;
/** Row count bounds relative to the baseline's (a warning: the rules file sets hard bounds). */
const ROW_RATIO = { min: 0.5, max: 2 };
const WIDENING = {
    integer: ["number"],
    boolean: [],
    date: ["string"],
    number: [],
    string: [],
    empty: [],
};
/** The checks of a profile against a baseline profile: schema, nulls, ranges, categories, rows. */
function checkAgainstBaseline(baseline, current, baselineName) {
    const out = [];
    const cur = new Map(current.columns.map((c) => [c.name, c]));
    const base = new Map(baseline.columns.map((c) => [c.name, c]));
    const dataFile = current.source.files.length === 1 ? current.source.files[0] : undefined;
    for (const b of baseline.columns) {
        const c = cur.get(b.name);
        if (!c) {
            out.push({
                severity: "error",
                column: b.name,
                check: "missing column",
                message: `column '${b.name}' is in the baseline (${baselineName}) but not in the data`,
            });
            continue;
        }
        typeChange(b, c, out, dataFile);
        const ceiling = Math.min(1, b.nullShare + NULL_SHARE_MARGIN);
        if (c.nullShare > ceiling) {
            out.push({
                severity: "error",
                column: b.name,
                check: "null share",
                message: `null share ${pct(c.nullShare)} is above the baseline's ceiling ${pct(ceiling)} (baseline ${pct(b.nullShare)})`,
            });
        }
        if (b.numeric && c.numeric && (c.type === "integer" || c.type === "number")) {
            const below = c.numeric.min < b.numeric.min;
            const above = c.numeric.max > b.numeric.max;
            if (below || above) {
                const kll = Kll.from(c.numeric.kll);
                const [lo, hi] = kll.cdf([
                    b.numeric.min - Number.EPSILON * Math.abs(b.numeric.min) - Number.MIN_VALUE,
                    b.numeric.max,
                ]);
                const outside = (below ? lo : 0) + (above ? 1 - hi : 0);
                out.push({
                    severity: "warning",
                    column: b.name,
                    check: "range",
                    message: `values outside the baseline's range [${num(b.numeric.min)}, ${num(b.numeric.max)}]: now [${num(c.numeric.min)}, ${num(c.numeric.max)}], about ${pct(outside)} of values`,
                });
            }
        }
        if (b.top.error === 0 && b.type !== "integer" && b.type !== "number" && b.distinct.estimate <= 100) {
            const known = new Set(b.top.items.map((i) => i[0]));
            const unseen = c.top.items.filter(([v]) => !known.has(v));
            if (unseen.length > 0) {
                const total = unseen.reduce((a, [, n]) => a + n, 0);
                const shown = unseen
                    .slice(0, 5)
                    .map(([v, n]) => `${JSON.stringify(v)} (${n})`)
                    .join(", ");
                out.push({
                    severity: "warning",
                    column: b.name,
                    check: "unseen categories",
                    message: `${unseen.length} value(s) the baseline never had, in ${total} row(s): ${shown}${unseen.length > 5 ? ", …" : ""}`,
                });
            }
        }
    }
    for (const c of current.columns) {
        if (!base.has(c.name))
            out.push({
                severity: "warning",
                column: c.name,
                check: "new column",
                message: `column '${c.name}' is not in the baseline`,
            });
    }
    const lo = Math.floor(baseline.rows * ROW_RATIO.min);
    const hi = Math.ceil(baseline.rows * ROW_RATIO.max);
    if (current.rows < lo || current.rows > hi) {
        out.push({
            severity: "warning",
            check: "row count",
            message: `${current.rows} rows, outside ${lo}–${hi} (${ROW_RATIO.min}× to ${ROW_RATIO.max}× the baseline's ${baseline.rows})`,
        });
    }
    return out;
}
function typeChange(b, c, out, dataFile) {
    if (b.type === c.type || c.type === "empty" || b.type === "empty") {
        if (c.violations > 0 && b.violations === 0 && c.type === b.type) {
            const line = firstViolationLine(c);
            out.push({
                severity: "error",
                column: c.name,
                check: "type",
                message: `${c.violations} value(s) are not ${c.type}${line ? ` (first at line ${line})` : ""}`,
                file: dataFile,
                line: dataFile ? line : undefined,
            });
        }
        return;
    }
    if (WIDENING[b.type]?.includes(c.type)) {
        out.push({
            severity: "warning",
            column: c.name,
            check: "type",
            message: `type widened from ${b.type} to ${c.type}`,
        });
        return;
    }
    const line = firstViolationLine({ ...c, type: b.type });
    out.push({
        severity: "error",
        column: c.name,
        check: "type",
        message: `type changed from ${b.type} to ${c.type}${line ? `; first value that is not ${b.type} at line ${line}` : ""}`,
        file: dataFile,
        line: dataFile ? line : undefined,
    });
}
/** The first line holding a value of a kind the column's type does not accept. */
function firstViolationLine(c) {
    const ok = {
        integer: ["integer"],
        number: ["integer", "number"],
        boolean: ["boolean"],
        date: ["date"],
        string: [],
    };
    const accepted = ok[c.type] ?? [];
    let line;
    for (const [kind, l] of Object.entries(c.firstLines)) {
        if (accepted.includes(kind) || l === undefined)
            continue;
        if (c.type === "string")
            continue;
        if (line === undefined || l < line)
            line = l;
    }
    return line;
}

;// CONCATENATED MODULE: ./build/bundle/data/drift.js




/** Evidently's boundary between a small reference (exact tests) and a large one (distances). */
const SMALL_REFERENCE = 1000;
/** Numeric columns with this few distinct values are tested as categories, as Evidently does. */
const FEW_VALUES = 5;
const OTHER = "(other)";
/** Numeric values of a column as a weighted sample: exact while the reservoir holds them all. */
function numericSample(c) {
    const s = c.numeric;
    if (!s)
        return { values: new Float64Array(0), n: 0 };
    if (s.sample.seen === s.sample.values.length)
        return { values: sorted(s.sample.values), n: s.count };
    const w = Kll.from(s.kll).weighted();
    return { values: w.values, weights: w.weights, n: s.count };
}
/** Category counts over the union of both columns' frequent values; the rest pooled as "(other)". */
function categoryCounts(ref, cur) {
    const r = new Map(ref.top.items);
    const c = new Map(cur.top.items);
    const labels = [...new Set([...r.keys(), ...c.keys()])].sort();
    const refCounts = labels.map((l) => r.get(l) ?? 0);
    const curCounts = labels.map((l) => c.get(l) ?? 0);
    const restRef = ref.count - ref.nulls - refCounts.reduce((a, b) => a + b, 0);
    const restCur = cur.count - cur.nulls - curCounts.reduce((a, b) => a + b, 0);
    if (restRef > 0 || restCur > 0) {
        labels.push(OTHER);
        refCounts.push(Math.max(0, restRef));
        curCounts.push(Math.max(0, restCur));
    }
    return { labels, ref: refCounts, cur: curCounts };
}
function isNumeric(c) {
    return (c.type === "integer" || c.type === "number") && c.numeric !== undefined;
}
function distinctValues(ref, cur) {
    if (ref.top.error === 0 && cur.top.error === 0)
        return new Set([...ref.top.items.map((i) => i[0]), ...cur.top.items.map((i) => i[0])]).size;
    return Math.max(ref.distinct.estimate, cur.distinct.estimate);
}
/** The column's drift kind, or why it is not tested. */
function driftKind(ref, cur) {
    if (ref.count - ref.nulls === 0 || cur.count - cur.nulls === 0)
        return { reason: "no values to compare" };
    const distinct = distinctValues(ref, cur);
    if (isNumeric(ref) && isNumeric(cur) && distinct > FEW_VALUES)
        return { kind: "numeric" };
    if (distinct <= 2)
        return { kind: "binary" };
    if (ref.type === "date")
        return { reason: "dates are not tested for drift" };
    // Free text (almost every value distinct) has no category distribution to compare.
    if (ref.top.error > 0 && ref.distinct.estimate > 0.5 * (ref.count - ref.nulls))
        return { reason: "free text is not tested for drift" };
    return { kind: "categorical" };
}
/** Evidently's default test and threshold for a column. */
function defaultTest(kind, referenceRows) {
    if (referenceRows <= SMALL_REFERENCE) {
        if (kind === "numeric")
            return { test: "ks", threshold: 0.05 };
        if (kind === "binary")
            return { test: "ztest", threshold: 0.05 };
        return { test: "chisquare", threshold: 0.05 };
    }
    if (kind === "numeric")
        return { test: "wasserstein", threshold: 0.1 };
    return { test: "jensenshannon", threshold: 0.1 };
}
const DEFAULT_THRESHOLD = {
    ks: 0.05,
    chisquare: 0.05,
    ztest: 0.05,
    wasserstein: 0.1,
    jensenshannon: 0.1,
    psi: 0.1,
};
/** Tests one column; undefined with a reason when it cannot be tested. */
function testColumn(ref, cur, referenceRows, override) {
    if (override?.test === "none")
        return "drift test turned off";
    const k = driftKind(ref, cur);
    if ("reason" in k)
        return k.reason;
    const kind = k.kind;
    const chosen = defaultTest(kind, referenceRows);
    const test = override?.test ?? chosen.test;
    const threshold = override?.threshold ?? (override?.test ? DEFAULT_THRESHOLD[test] : chosen.threshold);
    if (kind === "numeric")
        return testNumeric(ref, cur, test, threshold);
    return testCategorical(ref, cur, kind, test, threshold);
}
function testNumeric(ref, cur, test, threshold) {
    const a = numericSample(ref);
    const b = numericSample(cur);
    const rn = ref.numeric;
    const cn = cur.numeric;
    const edges = sturgesEdges(Math.min(rn.min, cn.min), Math.max(rn.max, cn.max), a.n + b.n);
    const refShares = histogramShares(a, edges);
    const curShares = histogramShares(b, edges);
    const refFilled = fillZeros(refShares);
    const curFilled = fillZeros(curShares);
    let statistic;
    let score;
    switch (test) {
        case "ks": {
            // The reservoirs are uniform samples: the test runs on their sizes, not the row counts.
            const ra = { values: sorted(rn.sample.values) };
            const rb = { values: sorted(cn.sample.values) };
            const r = ksTest(ra, rb);
            statistic = r.statistic;
            score = r.pValue;
            break;
        }
        case "wasserstein": {
            const refStd = Math.sqrt(rn.m2 / rn.count);
            statistic = score = wassersteinNormalized(a, b, refStd);
            break;
        }
        case "jensenshannon":
            statistic = score = jensenShannon(refFilled, curFilled);
            break;
        case "psi":
            statistic = score = psi(refFilled, curFilled);
            break;
        default:
            return `test ${test} does not apply to numeric column (use ks, wasserstein, jensenshannon or psi)`;
    }
    const drifted = IS_P_VALUE[test] ? score < threshold : score >= threshold;
    const labels = edges
        .slice(0, -1)
        .map((e, i) => `[${num(e)}, ${num(edges[i + 1])}${i === edges.length - 2 ? "]" : ")"}`);
    let most = 0;
    for (let i = 1; i < labels.length; i++)
        if (Math.abs(curShares[i] - refShares[i]) > Math.abs(curShares[most] - refShares[most]))
            most = i;
    const dir = curShares[most] >= refShares[most] ? "rose" : "fell";
    const message = `share of values in ${labels[most]} ${dir} from ${pct(refShares[most])} to ${pct(curShares[most])}; mean ${num(rn.mean)} → ${num(cn.mean)}`;
    return {
        column: ref.name,
        kind: "numeric",
        test,
        threshold,
        score,
        statistic,
        drifted,
        psi: psi(refFilled, curFilled),
        message,
        bins: { labels, baseline: refShares, current: curShares },
    };
}
function testCategorical(ref, cur, kind, test, threshold) {
    const { labels, ref: rc, cur: cc } = categoryCounts(ref, cur);
    const nr = rc.reduce((a, b) => a + b, 0);
    const nc = cc.reduce((a, b) => a + b, 0);
    const refShares = rc.map((c) => c / nr);
    const curShares = cc.map((c) => c / nc);
    const refFilled = fillZeros(refShares);
    const curFilled = fillZeros(curShares);
    let statistic;
    let score;
    switch (test) {
        case "chisquare": {
            const r = chiSquareTest(rc, cc);
            statistic = r.statistic;
            score = r.pValue;
            break;
        }
        case "ztest": {
            const r = zTest(rc[0], nr, cc[0], nc);
            statistic = r.statistic;
            score = r.pValue;
            break;
        }
        case "jensenshannon":
            statistic = score = jensenShannon(refFilled, curFilled);
            break;
        case "psi":
            statistic = score = psi(refFilled, curFilled);
            break;
        default:
            return `test ${test} does not apply to categorical column (use chisquare, ztest, jensenshannon or psi)`;
    }
    const drifted = IS_P_VALUE[test] ? score < threshold : score >= threshold;
    let most = 0;
    for (let i = 1; i < labels.length; i++)
        if (Math.abs(curShares[i] - refShares[i]) > Math.abs(curShares[most] - refShares[most]))
            most = i;
    const dir = curShares[most] >= refShares[most] ? "rose" : "fell";
    const message = `share of ${JSON.stringify(labels[most])} ${dir} from ${pct(refShares[most])} to ${pct(curShares[most])}`;
    return {
        column: ref.name,
        kind,
        test,
        threshold,
        score,
        statistic,
        drifted,
        psi: psi(refFilled, curFilled),
        message,
        bins: { labels, baseline: refShares, current: curShares },
    };
}
/** Tests every column the two profiles share; the dataset drifted when the drifted share reaches `shareThreshold`. */
function testDrift(baseline, current, overrides = {}, shareThreshold = 0.5) {
    const cur = new Map(current.columns.map((c) => [c.name, c]));
    const results = [];
    const skipped = [];
    for (const ref of baseline.columns) {
        const c = cur.get(ref.name);
        if (!c)
            continue;
        const r = testColumn(ref, c, baseline.rows, overrides[ref.name]);
        if (typeof r === "string")
            skipped.push({ column: ref.name, reason: r });
        else
            results.push(r);
    }
    const driftedColumns = results.filter((r) => r.drifted).map((r) => r.column);
    const share = results.length === 0 ? 0 : driftedColumns.length / results.length;
    return {
        results,
        skipped,
        driftedColumns,
        share,
        threshold: shareThreshold,
        drifted: results.length > 0 && share >= shareThreshold,
    };
}

;// CONCATENATED MODULE: ./build/bundle/data/sketches/frequent.js
/**
 * Frequent values: exact counts while a column has at most `k` distinct values (so chi-square and
 * Jensen–Shannon on categorical columns see every category), then Misra–Gries pruning, which keeps
 * every value more frequent than n/k with counts low by at most `error`. Mergeable (Agarwal et al.
 * 2012): add the counters, then prune.
 */
class Frequent {
    k;
    n = 0;
    error = 0;
    counts = new Map();
    constructor(k = 1000) {
        this.k = k;
    }
    static from(state) {
        const f = new Frequent(state.k);
        f.n = state.n;
        f.error = state.error;
        for (const [v, c] of state.items)
            f.counts.set(v, c);
        return f;
    }
    toJSON() {
        this.prune(this.k);
        const items = [...this.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        return { k: this.k, n: this.n, error: this.error, items };
    }
    get exact() {
        return this.error === 0;
    }
    add(value, count = 1) {
        this.n += count;
        this.counts.set(value, (this.counts.get(value) ?? 0) + count);
        // Prune at 2k so the sort is amortized over k inserts.
        if (this.counts.size > 2 * this.k)
            this.prune(this.k);
    }
    merge(other) {
        for (const [v, c] of other.counts)
            this.counts.set(v, (this.counts.get(v) ?? 0) + c);
        this.n += other.n;
        this.error += other.error;
        this.prune(this.k);
    }
    /** Keeps at most `k` counters: subtracts the (k+1)-th largest count from all (Misra–Gries). */
    prune(k) {
        if (this.counts.size <= k)
            return;
        const sorted = [...this.counts.values()].sort((a, b) => b - a);
        const cut = sorted[k];
        const next = new Map();
        for (const [v, c] of this.counts)
            if (c > cut)
                next.set(v, c - cut);
        this.counts = next;
        this.error += cut;
    }
    /** The most frequent values, highest first. */
    top(limit) {
        return this.toJSON().items.slice(0, limit);
    }
}

;// CONCATENATED MODULE: ./build/bundle/data/sketches/hll.js
/**
 * HyperLogLog distinct counter (Flajolet et al. 2007, with the small-range correction): 2^p
 * one-byte registers (4 KiB at p = 12, standard error 1.04/√4096 ≈ 1.6 %); merging is the
 * register-wise maximum, so shards merge in any order. Small enough to write and serialize
 * (base64 registers) here rather than depend on an unmaintained package.
 */
class HyperLogLog {
    p;
    registers;
    constructor(p = 12, registers) {
        this.p = p;
        this.registers = registers ?? new Uint8Array(1 << p);
    }
    static from(state) {
        return new HyperLogLog(state.p, new Uint8Array(Buffer.from(state.registers, "base64")));
    }
    toJSON() {
        return { p: this.p, registers: Buffer.from(this.registers).toString("base64") };
    }
    addHash(hash) {
        const idx = hash >>> (32 - this.p);
        const rest = (hash << this.p) | (1 << (this.p - 1));
        const rank = Math.clz32(rest) + 1;
        if (rank > this.registers[idx])
            this.registers[idx] = rank;
    }
    add(value) {
        this.addHash(hashString(value));
    }
    merge(other) {
        if (other.p !== this.p)
            throw new Error(`cannot merge HyperLogLog p=${other.p} into p=${this.p}`);
        for (let i = 0; i < this.registers.length; i++) {
            if (other.registers[i] > this.registers[i])
                this.registers[i] = other.registers[i];
        }
    }
    estimate() {
        const m = this.registers.length;
        let sum = 0;
        let zeros = 0;
        for (const r of this.registers) {
            sum += 2 ** -r;
            if (r === 0)
                zeros++;
        }
        const alpha = 0.7213 / (1 + 1.079 / m);
        const raw = (alpha * m * m) / sum;
        if (raw <= 2.5 * m && zeros > 0)
            return Math.round(m * Math.log(m / zeros));
        // Large-range correction for a 32-bit hash.
        const two32 = 2 ** 32;
        if (raw > two32 / 30)
            return Math.round(-two32 * Math.log(1 - raw / two32));
        return Math.round(raw);
    }
}
/** 32-bit MurmurHash3-style hash of a string's UTF-16 code units (fast; good avalanche). */
function hashString(s) {
    let h = 0x811c9dc5 ^ s.length;
    for (let i = 0; i < s.length; i++) {
        let k = s.charCodeAt(i);
        k = Math.imul(k, 0xcc9e2d51);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, 0x1b873593);
        h ^= k;
        h = (h << 13) | (h >>> 19);
        h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}

;// CONCATENATED MODULE: ./build/bundle/data/sketches/reservoir.js

/**
 * A uniform random sample of bounded size (Algorithm L, Li 1994: one random draw per kept item,
 * not per item seen). The KS test needs raw values; with a reference of up to `capacity` rows
 * the sample is the whole column, so the test on a stored baseline profile is exact.
 */
class Reservoir {
    capacity;
    seen = 0;
    values = [];
    random;
    w = 0;
    nextIndex = 0;
    constructor(capacity = 2000, seed = 7) {
        this.capacity = capacity;
        this.random = new Random(seed);
    }
    static from(state, seed = 7) {
        const r = new Reservoir(state.capacity, seed);
        r.seen = state.seen;
        r.values = state.values.slice();
        if (r.values.length >= r.capacity)
            r.startSkipping();
        return r;
    }
    toJSON() {
        return { capacity: this.capacity, seen: this.seen, values: this.values.slice() };
    }
    startSkipping() {
        this.w = Math.exp(Math.log(this.random.next() || 1e-12) / this.capacity);
        this.nextIndex = this.seen + Math.floor(Math.log(this.random.next() || 1e-12) / Math.log(1 - this.w)) + 1;
    }
    add(value) {
        if (this.values.length < this.capacity) {
            this.values.push(value);
            this.seen++;
            if (this.values.length === this.capacity)
                this.startSkipping();
            return;
        }
        this.seen++;
        if (this.seen - 1 < this.nextIndex)
            return;
        this.values[this.random.int(this.capacity)] = value;
        this.w *= Math.exp(Math.log(this.random.next() || 1e-12) / this.capacity);
        this.nextIndex = this.seen + Math.floor(Math.log(this.random.next() || 1e-12) / Math.log(1 - this.w));
    }
    /** Merges two uniform samples into one uniform sample of the union. */
    merge(other) {
        const total = this.seen + other.seen;
        if (total <= this.capacity) {
            this.values.push(...other.values);
            this.seen = total;
            return;
        }
        const a = this.values.slice();
        const b = other.values.slice();
        const out = [];
        const target = Math.min(this.capacity, a.length + b.length);
        let na = this.seen;
        let nb = other.seen;
        // Draw without replacement, each side in proportion to the population it stands for.
        while (out.length < target && (a.length > 0 || b.length > 0)) {
            const pickA = b.length === 0 || (a.length > 0 && this.random.next() * (na + nb) < na);
            const src = pickA ? a : b;
            const i = this.random.int(src.length);
            out.push(src[i]);
            src[i] = src[src.length - 1];
            src.pop();
            if (pickA)
                na--;
            else
                nb--;
        }
        this.values = out;
        this.seen = total;
        if (this.values.length >= this.capacity)
            this.startSkipping();
    }
}

;// CONCATENATED MODULE: ./build/bundle/data/values.js
/** Tokens read as missing, the common subset of what pandas and R treat as NA. */
const NULLS = new Set(["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None", "none", "#N/A"]);
const BOOLS = new Set(["true", "false", "True", "False", "TRUE", "FALSE"]);
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
function isNull(s) {
    return s.length <= 4 ? NULLS.has(s) : false;
}
/**
 * Classifies a raw value without regular expressions on the hot path: a scan of its characters
 * decides whether it may be a decimal number before Number() is asked.
 */
function classify(s) {
    const len = s.length;
    if (len === 0 || (len <= 4 && NULLS.has(s)))
        return 0 /* Kind.Null */;
    let i = 0;
    let c = s.charCodeAt(0);
    if (c === 45 || c === 43) {
        if (len === 1)
            return 5 /* Kind.String */;
        i = 1;
    }
    let digits = 0;
    let dot = false;
    let exp = false;
    for (; i < len; i++) {
        c = s.charCodeAt(i);
        if (c >= 48 && c <= 57)
            digits++;
        else if (c === 46 && !dot && !exp)
            dot = true;
        else if ((c === 101 || c === 69) && !exp && digits > 0) {
            exp = true;
            const n = s.charCodeAt(i + 1);
            if (n === 45 || n === 43)
                i++;
        }
        else
            break;
    }
    if (i === len && digits > 0) {
        if (!dot && !exp && len < 16)
            return 1 /* Kind.Integer */;
        return Number.isFinite(Number(s)) ? 2 /* Kind.Number */ : 5 /* Kind.String */;
    }
    if (c === 45 && i === 4 && len >= 10 && DATE.test(s))
        return 4 /* Kind.Date */;
    if (len <= 5 && BOOLS.has(s))
        return 3 /* Kind.Boolean */;
    return 5 /* Kind.String */;
}
/**
 * The column's type and how many values violate it. A column is numeric when at least 95 % of
 * its non-null values are numbers (the rest are violations, a typo or a stray unit), so one bad
 * cell shows up as a violation rather than turning a numeric column into a string column.
 */
function inferType(k) {
    const total = k.integer + k.number + k.boolean + k.date + k.string;
    if (total === 0)
        return { type: "empty", violations: 0 };
    const numeric = k.integer + k.number;
    const share = 0.95;
    if (numeric >= share * total)
        return { type: k.number > 0 ? "number" : "integer", violations: total - numeric };
    if (k.boolean >= share * total)
        return { type: "boolean", violations: total - k.boolean };
    if (k.date >= share * total)
        return { type: "date", violations: total - k.date };
    return { type: "string", violations: 0 };
}

;// CONCATENATED MODULE: ./build/bundle/data/profile.js





/** The profile format version; readers refuse newer ones. Documented in docs/profile.schema.json. */
const PROFILE_FORMAT = "mlops-action/profile";
const PROFILE_VERSION = 1;
const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const HISTOGRAM_BINS = 20;
const EMPTY_KINDS = () => ({ integer: 0, number: 0, boolean: 0, date: 0, string: 0 });
const KIND_NAMES = [undefined, "integer", "number", "boolean", "date", "string"];
/** Streams one column: every statistic is mergeable with another shard's. */
class ColumnProfiler {
    name;
    count = 0;
    nulls = 0;
    kinds = EMPTY_KINDS();
    firstLines = {};
    // Welford / Chan et al. running moments of the numeric values.
    n = 0;
    mean = 0;
    m2 = 0;
    min = Number.POSITIVE_INFINITY;
    max = Number.NEGATIVE_INFINITY;
    kll = new Kll();
    sample = new Reservoir();
    hll = new HyperLogLog();
    top = new Frequent();
    lenMin = Number.POSITIVE_INFINITY;
    lenMax = 0;
    lenSum = 0;
    textValues = 0;
    wordSum = 0;
    dateMin = "";
    dateMax = "";
    rules = [];
    ruleHits = {};
    constructor(name) {
        this.name = name;
    }
    add(raw, line) {
        this.count++;
        const kind = classify(raw);
        if (kind === 0 /* Kind.Null */) {
            this.nulls++;
            return;
        }
        const kindName = KIND_NAMES[kind];
        if (this.kinds[kindName]++ === 0)
            this.firstLines[kindName] = line;
        let num = Number.NaN;
        if (kind === 1 /* Kind.Integer */ || kind === 2 /* Kind.Number */) {
            num = Number(raw);
            this.addNumber(num);
        }
        else if (kind === 4 /* Kind.Date */) {
            if (this.dateMin === "" || raw < this.dateMin)
                this.dateMin = raw;
            if (raw > this.dateMax)
                this.dateMax = raw;
        }
        else if (kind === 5 /* Kind.String */) {
            this.textValues++;
            this.wordSum += countWords(raw);
        }
        const len = raw.length;
        if (len < this.lenMin)
            this.lenMin = len;
        if (len > this.lenMax)
            this.lenMax = len;
        this.lenSum += len;
        this.hll.addHash(hashString(raw));
        this.top.add(raw);
        if (this.rules.length > 0)
            this.checkRules(raw, kind, num, line);
    }
    /** A missing value (a JSON null or an absent key). */
    addNull() {
        this.count++;
        this.nulls++;
    }
    addNumber(x) {
        this.n++;
        const d = x - this.mean;
        this.mean += d / this.n;
        this.m2 += d * (x - this.mean);
        if (x < this.min)
            this.min = x;
        if (x > this.max)
            this.max = x;
        this.kll.add(x);
        this.sample.add(x);
    }
    checkRules(raw, kind, num, line) {
        for (const rule of this.rules) {
            if (!rule.broken(raw, kind, num))
                continue;
            const hit = this.ruleHits[rule.name];
            if (hit) {
                hit.count++;
                if (line < hit.line) {
                    hit.line = line;
                    hit.example = raw;
                }
            }
            else
                this.ruleHits[rule.name] = { count: 1, line, example: raw.slice(0, 200) };
        }
    }
    merge(o) {
        this.count += o.count;
        this.nulls += o.nulls;
        for (const k of Object.keys(this.kinds)) {
            this.kinds[k] += o.kinds[k];
            const a = this.firstLines[k];
            const b = o.firstLines[k];
            if (b !== undefined && (a === undefined || b < a))
                this.firstLines[k] = b;
        }
        if (o.n > 0) {
            // Chan, Golub and LeVeque's pairwise update: exact for mean and M2.
            const n = this.n + o.n;
            const d = o.mean - this.mean;
            this.mean += (d * o.n) / n;
            this.m2 += o.m2 + (d * d * this.n * o.n) / n;
            this.n = n;
            this.min = Math.min(this.min, o.min);
            this.max = Math.max(this.max, o.max);
        }
        this.kll.merge(o.kll);
        this.sample.merge(o.sample);
        this.hll.merge(o.hll);
        this.top.merge(o.top);
        this.lenMin = Math.min(this.lenMin, o.lenMin);
        this.lenMax = Math.max(this.lenMax, o.lenMax);
        this.lenSum += o.lenSum;
        this.textValues += o.textValues;
        this.wordSum += o.wordSum;
        if (o.dateMin && (!this.dateMin || o.dateMin < this.dateMin))
            this.dateMin = o.dateMin;
        if (o.dateMax > this.dateMax)
            this.dateMax = o.dateMax;
        for (const [name, hit] of Object.entries(o.ruleHits)) {
            const mine = this.ruleHits[name];
            if (!mine)
                this.ruleHits[name] = { ...hit };
            else {
                mine.count += hit.count;
                if (hit.line < mine.line) {
                    mine.line = hit.line;
                    mine.example = hit.example;
                }
            }
        }
    }
    toJSON() {
        const { type, violations } = inferType(this.kinds);
        const nonNull = this.count - this.nulls;
        const col = {
            name: this.name,
            count: this.count,
            nulls: this.nulls,
            nullShare: this.count === 0 ? 0 : this.nulls / this.count,
            type,
            violations,
            kinds: { ...this.kinds },
            firstLines: { ...this.firstLines },
            distinct: { estimate: Math.min(this.hll.estimate(), nonNull), hll: this.hll.toJSON() },
            top: this.top.toJSON(),
            lengths: {
                min: nonNull === 0 ? 0 : this.lenMin,
                max: this.lenMax,
                mean: nonNull === 0 ? 0 : this.lenSum / nonNull,
            },
        };
        if (this.n > 0) {
            const q = this.kll.quantiles(QUANTILES);
            col.numeric = {
                count: this.n,
                mean: this.mean,
                m2: this.m2,
                std: this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : 0,
                min: this.min,
                max: this.max,
                quantiles: Object.fromEntries(QUANTILES.map((p, i) => [`p${Math.round(p * 100)}`, q[i]])),
                histogram: histogram(this.kll, this.min, this.max, this.n),
                kll: this.kll.toJSON(),
                sample: this.sample.toJSON(),
            };
        }
        if (this.textValues > 0)
            col.text = { values: this.textValues, meanWords: this.wordSum / this.textValues };
        if (this.dateMin)
            col.dates = { min: this.dateMin, max: this.dateMax };
        if (Object.keys(this.ruleHits).length > 0)
            col.rules = structuredClone(this.ruleHits);
        return col;
    }
    static fromJSON(c) {
        const p = new ColumnProfiler(c.name);
        p.count = c.count;
        p.nulls = c.nulls;
        p.kinds = { ...c.kinds };
        p.firstLines = { ...c.firstLines };
        if (c.numeric) {
            p.n = c.numeric.count;
            p.mean = c.numeric.mean;
            p.m2 = c.numeric.m2;
            p.min = c.numeric.min;
            p.max = c.numeric.max;
            p.kll = Kll.from(c.numeric.kll);
            p.sample = Reservoir.from(c.numeric.sample);
        }
        p.hll = HyperLogLog.from(c.distinct.hll);
        p.top = Frequent.from(c.top);
        const nonNull = c.count - c.nulls;
        p.lenMin = nonNull === 0 ? Number.POSITIVE_INFINITY : c.lengths.min;
        p.lenMax = c.lengths.max;
        p.lenSum = c.lengths.mean * nonNull;
        if (c.text) {
            p.textValues = c.text.values;
            p.wordSum = c.text.meanWords * c.text.values;
        }
        if (c.dates) {
            p.dateMin = c.dates.min;
            p.dateMax = c.dates.max;
        }
        if (c.rules)
            p.ruleHits = structuredClone(c.rules);
        return p;
    }
}
function countWords(s) {
    let words = 0;
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        const space = c === 32 || c === 9 || c === 10 || c === 13;
        if (!space && !inWord)
            words++;
        inWord = !space;
    }
    return words;
}
/** Equal-width bins over [min, max], counts read from the quantile sketch's CDF. */
function histogram(kll, min, max, n) {
    if (min === max)
        return { edges: [min, max], counts: [n] };
    const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => min + ((max - min) * i) / HISTOGRAM_BINS);
    edges[HISTOGRAM_BINS] = max;
    const cdf = kll.cdf(edges);
    const counts = edges.slice(1).map((_, i) => Math.round(n * (cdf[i + 1] - (i === 0 ? 0 : cdf[i]))));
    return { edges, counts };
}
/** A whole table's profile under construction: columns by position, mergeable with another shard's. */
class ProfileBuilder {
    rows = 0;
    badRows = 0;
    columns;
    byName = new Map();
    files = [];
    constructor(names = [], rulesFor) {
        this.rulesFor = rulesFor;
        this.columns = [];
        for (const n of names)
            this.column(n);
    }
    rulesFor;
    /** The column with this name, created (with nulls for the rows before it) when new. */
    column(name) {
        let c = this.byName.get(name);
        if (!c) {
            c = new ColumnProfiler(name);
            c.rules = this.rulesFor?.(name) ?? [];
            c.count = this.rows;
            c.nulls = this.rows;
            this.byName.set(name, c);
            this.columns.push(c);
        }
        return c;
    }
    /** One CSV row whose fields line up with the columns. */
    addRow(fields, line) {
        this.rows++;
        const cols = this.columns;
        for (let i = 0; i < cols.length; i++)
            cols[i].add(fields[i], line);
    }
    merge(o) {
        for (const c of o.columns) {
            const mine = this.byName.get(c.name);
            if (mine)
                mine.merge(c);
            else {
                // A column the other shard has and this one lacks: this shard's rows were nulls there.
                const added = this.column(c.name);
                added.count = 0;
                added.nulls = 0;
                const pad = new ColumnProfiler(c.name);
                pad.count = this.rows;
                pad.nulls = this.rows;
                added.merge(pad);
                added.merge(c);
            }
        }
        for (const mine of this.columns) {
            if (!o.byName.has(mine.name) && o.rows > 0) {
                const pad = new ColumnProfiler(mine.name);
                pad.count = o.rows;
                pad.nulls = o.rows;
                mine.merge(pad);
            }
        }
        this.rows += o.rows;
        this.badRows += o.badRows;
        for (const f of o.files)
            if (!this.files.includes(f))
                this.files.push(f);
    }
    toJSON(extra = {}) {
        return {
            format: PROFILE_FORMAT,
            version: PROFILE_VERSION,
            createdAt: new Date().toISOString(),
            source: { files: this.files },
            rows: this.rows,
            badRows: this.badRows,
            columns: this.columns.map((c) => c.toJSON()),
            ...extra,
        };
    }
    static fromJSON(p) {
        const b = new ProfileBuilder();
        b.rows = p.rows;
        b.badRows = p.badRows;
        b.files = [...p.source.files];
        for (const c of p.columns) {
            const col = ColumnProfiler.fromJSON(c);
            b.byName.set(c.name, col);
            b.columns.push(col);
        }
        return b;
    }
}
/** Merges profiles of shards (files, byte ranges) into the profile of the whole. */
function mergeProfiles(profiles) {
    if (profiles.length === 0)
        throw new Error("no profiles to merge");
    const b = ProfileBuilder.fromJSON(profiles[0]);
    for (const p of profiles.slice(1))
        b.merge(ProfileBuilder.fromJSON(p));
    return b.toJSON({
        source: { files: b.files, dataset: profiles[0].source.dataset },
        labelColumn: profiles[0].labelColumn,
    });
}

;// CONCATENATED MODULE: ./build/bundle/data/files.js





/** Writes through a temp name and a rename, so no reader ever sees half a profile or report. */
async function writeFileAtomic(file, content) {
    await (0,promises_.mkdir)((0,external_node_path_namespaceObject.dirname)(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString("hex")}`;
    try {
        await (0,promises_.writeFile)(tmp, content);
        await (0,promises_.rename)(tmp, file);
    }
    catch (error) {
        await (0,promises_.rm)(tmp, { force: true });
        throw error;
    }
}
/** Reads and checks a profile JSON file (format and version). */
async function readProfile(file, input) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, "utf8");
    }
    catch {
        throw new UserError(`'${file}' does not exist`, { input }, "Give a profile JSON written by validate-data (writeProfile or createBaseline), or a dataset reference such as name@1");
    }
    return parseProfile(text, file, input);
}
function parseProfile(text, file, input) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const m = /line (\d+) column (\d+)/.exec(error.message);
        throw new UserError(`is not valid JSON (${error.message})`, { input, file, line: m ? Number(m[1]) : undefined, column: m ? Number(m[2]) : undefined }, "Give a profile JSON written by validate-data");
    }
    if (value?.format !== PROFILE_FORMAT || !Array.isArray(value.columns)) {
        throw new UserError('is not a validate-data profile (no "format": "mlops-action/profile")', { input, file }, "Write one with createBaseline: true or writeProfile");
    }
    if (typeof value.version !== "number" || value.version > PROFILE_VERSION) {
        throw new UserError(`has profile version ${value.version}; this mlops-action reads up to ${PROFILE_VERSION}`, { input, file }, "Upgrade mlops-action, or write the baseline again with this version");
    }
    return value;
}

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./build/bundle/data/parallel.js







/**
 * The worker module beside this one. From TypeScript sources (tests, tsx) the worker first
 * registers tsx's loader in its own thread, then imports the module.
 */
function workerEntry() {
    let here;
    try {
        here = (0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url);
    }
    catch {
        return undefined;
    }
    const ts = here.endsWith(".ts");
    const file = (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(here), ts ? "profile-worker.ts" : "profile-worker.js");
    // In a single-file bundle the worker module is not beside us: the caller falls back to one thread.
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        return undefined;
    if (!ts)
        return { file };
    try {
        // require.resolve gives the CommonJS build; the ESM one sits beside it.
        const api = (0,external_node_module_namespaceObject.createRequire)(import.meta.url)
            .resolve("tsx/esm/api")
            .replace(/\.cjs$/, ".mjs");
        return { file, tsx: (0,external_node_url_namespaceObject.pathToFileURL)(api).href };
    }
    catch {
        return undefined;
    }
}
const TS_BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((api) => { api.register(); return import(workerData.entry); });
`;
function canUseWorkers() {
    return workerEntry() !== undefined;
}
function runWorker(job, signal) {
    const entry = workerEntry();
    if (!entry)
        throw new Error("profile worker not available");
    return new Promise((resolve, reject) => {
        const worker = entry.tsx
            ? new external_node_worker_threads_namespaceObject.Worker(TS_BOOTSTRAP, {
                eval: true,
                workerData: { mlopsProfileJob: job, tsx: entry.tsx, entry: (0,external_node_url_namespaceObject.pathToFileURL)(entry.file).href },
            })
            : new external_node_worker_threads_namespaceObject.Worker(entry.file, { workerData: { mlopsProfileJob: job } });
        const onAbort = () => void worker.terminate();
        signal?.addEventListener("abort", onAbort, { once: true });
        worker.once("message", (m) => {
            signal?.removeEventListener("abort", onAbort);
            void worker.terminate();
            resolve(m);
        });
        worker.once("error", (e) => {
            signal?.removeEventListener("abort", onAbort);
            reject(e);
        });
        worker.once("exit", (code) => {
            if (code !== 0)
                reject(new Error(`profile worker exited with code ${code}`));
        });
    });
}
/**
 * Profiles one uncompressed CSV file with `threads` workers over byte ranges and merges their
 * profiles. A range starts at the first line start after its cut; the previous worker reads on to
 * the end of the row that crosses the cut, so the two must meet. When they do not (a quoted field
 * holding a line break crosses the cut), returns undefined and the caller reads the file on one
 * thread, so a quoted newline never splits a row.
 */
async function profileCsvParallel(head, size, threads, opts, rules) {
    const span = size - head.dataStart;
    const cuts = Array.from({ length: threads + 1 }, (_, i) => i === threads ? size : head.dataStart + Math.floor((span * i) / threads));
    const replies = await Promise.all(cuts
        .slice(0, -1)
        .map((start, i) => runWorker({ head, start, stop: cuts[i + 1], first: i === 0, badRows: opts.badRows, rules }, opts.signal)));
    for (let i = 0; i + 1 < replies.length; i++) {
        const r = replies[i];
        if (r.ok && r.end !== replies[i + 1].start)
            return undefined;
        if (!r.ok)
            break;
    }
    let line = head.dataLine;
    const merged = new ProfileBuilder(head.header);
    merged.files.push(head.file);
    for (const r of replies) {
        const toFile = (l) => (l === undefined ? undefined : l + line - 1);
        for (const b of r.bad)
            opts.onBadRow?.(head.file, { ...b, line: toFile(b.line) });
        if (!r.ok)
            throw new UserError(r.error.message, { file: head.file, line: toFile(r.error.line), column: r.error.column }, r.error.fix);
        // Rule hits and first lines came back in range-local lines.
        for (const c of r.profile.columns) {
            for (const k of Object.keys(c.firstLines))
                c.firstLines[k] = toFile(c.firstLines[k]);
            for (const hit of Object.values(c.rules ?? {}))
                hit.line = toFile(hit.line);
        }
        merged.merge(ProfileBuilder.fromJSON(r.profile));
        line += r.newlines;
    }
    return merged;
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./build/bundle/data/csv.js


const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** A line longer than this is an error (or a skipped row): memory stays bounded whatever the file. */
const MAX_ROW_BYTES = 8 * 1024 * 1024;
/**
 * A streaming RFC 4180 parser over bytes: quoted fields with doubled quotes, delimiters and line
 * breaks inside quotes, CRLF or LF line ends. Feed it chunks; it keeps only the unfinished row
 * between chunks. Fields are decoded as UTF-8 after the chunk was checked to be valid UTF-8.
 */
class CsvParser {
    file;
    delimiter;
    onBadRow;
    pending;
    /** Physical line the next row starts on. */
    line;
    /** Bytes consumed so far (rows fully parsed), relative to the first byte fed. */
    consumed = 0;
    /** Newlines consumed so far. */
    newlines = 0;
    fields = [];
    constructor(file, delimiter, onBadRow, firstLine = 1) {
        this.file = file;
        this.delimiter = delimiter;
        this.onBadRow = onBadRow;
        this.line = firstLine;
    }
    /**
     * Parses every complete row in `chunk` (after what was pending). With `last`, the end of input
     * ends the final row. `stopAt` (bytes from the first byte fed) stops before the first row that
     * starts at or after it; returns true when it stopped there.
     */
    feed(chunk, last, sink, stopAt = Number.POSITIVE_INFINITY) {
        if (this.skipping) {
            // Dropping the rest of an over-long line: resume after its line feed.
            const nl = chunk.indexOf(LF);
            if (nl < 0) {
                this.consumed += chunk.length;
                return false;
            }
            this.consumed += nl + 1;
            this.line++;
            this.newlines++;
            this.skipping = false;
            chunk = chunk.subarray(nl + 1);
        }
        const buf = this.pending && this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
        this.pending = undefined;
        const base = this.consumed;
        const len = buf.length;
        const delim = this.delimiter;
        let pos = 0;
        // Only the part up to the last line feed holds complete characters; check it once per chunk.
        let checkedUpTo = 0;
        while (pos < len) {
            if (base + pos >= stopAt) {
                this.pending = undefined;
                this.consumed = base + pos;
                return true;
            }
            const rowStart = pos;
            const rowLine = this.line;
            const fields = this.fields;
            fields.length = 0;
            let rowNewlines = 0;
            let complete = false;
            let quoteError;
            let stuffAfterQuote;
            while (true) {
                // One field.
                if (pos < len && buf[pos] === QUOTE) {
                    const startLine = rowLine + rowNewlines;
                    const fieldStart = pos + 1;
                    let p = fieldStart;
                    let hasEscapes = false;
                    let closed = false;
                    while (p < len) {
                        const q = buf.indexOf(QUOTE, p);
                        if (q < 0) {
                            p = len;
                            break;
                        }
                        for (let i = buf.indexOf(LF, p); i >= 0 && i < q; i = buf.indexOf(LF, i + 1))
                            rowNewlines++;
                        if (q + 1 < len && buf[q + 1] === QUOTE) {
                            hasEscapes = true;
                            p = q + 2;
                            continue;
                        }
                        if (q + 1 >= len && !last) {
                            p = len;
                            break;
                        }
                        closed = true;
                        p = q;
                        break;
                    }
                    if (!closed) {
                        if (!last)
                            break; // need more bytes
                        quoteError = {
                            message: `unterminated quoted field (opened at line ${startLine})`,
                            line: startLine,
                            column: fields.length + 1,
                            fix: 'Close the quote, or double each quote inside a quoted field ("")',
                        };
                        complete = true;
                        pos = len;
                        break;
                    }
                    let value = buf.toString("utf8", fieldStart, p);
                    if (hasEscapes)
                        value = value.replaceAll('""', '"');
                    fields.push(value);
                    pos = p + 1;
                    if (pos >= len) {
                        if (!last)
                            break;
                        complete = true;
                        break;
                    }
                    const c = buf[pos];
                    if (c === delim) {
                        pos++;
                        continue;
                    }
                    if (c === LF || (c === CR && pos + 1 < len && buf[pos + 1] === LF)) {
                        pos += c === CR ? 2 : 1;
                        rowNewlines++;
                        complete = true;
                        break;
                    }
                    if (c === CR && pos + 1 >= len && !last)
                        break;
                    // RFC 4180 allows nothing between a closing quote and the delimiter.
                    stuffAfterQuote ??= {
                        message: "unexpected text after a closing quote",
                        line: rowLine + rowNewlines,
                        column: fields.length,
                        fix: "Quote the whole field and double the quotes inside it",
                    };
                    // Skip to the next delimiter or line end so the rest of the row still parses.
                    while (pos < len && buf[pos] !== delim && buf[pos] !== LF)
                        pos++;
                    if (pos < len && buf[pos] === delim) {
                        pos++;
                        continue;
                    }
                    if (pos < len) {
                        pos++;
                        rowNewlines++;
                        complete = true;
                        break;
                    }
                    if (!last)
                        break;
                    complete = true;
                    break;
                }
                // Unquoted field: up to the delimiter or the end of the line.
                let p = pos;
                while (p < len) {
                    const c = buf[p];
                    if (c === delim || c === LF)
                        break;
                    p++;
                }
                if (p >= len && !last)
                    break;
                let end = p;
                if (end > pos && buf[end - 1] === CR && (p >= len || buf[p] === LF))
                    end--;
                fields.push(end === pos ? "" : buf.toString("utf8", pos, end));
                if (p >= len) {
                    pos = len;
                    complete = true;
                    break;
                }
                if (buf[p] === delim) {
                    pos = p + 1;
                    if (pos >= len && last) {
                        fields.push("");
                        complete = true;
                        break;
                    }
                    continue;
                }
                pos = p + 1;
                rowNewlines++;
                complete = true;
                break;
            }
            if (!complete) {
                // An unfinished row: keep its bytes for the next chunk, unless it is already too long.
                if (len - rowStart > MAX_ROW_BYTES) {
                    const bad = {
                        message: `line is longer than ${MAX_ROW_BYTES / 1024 / 1024} MiB`,
                        line: rowLine,
                        fix: "Check the delimiter and quoting (an unterminated quote makes the rest of the file one field), or split the value",
                    };
                    this.onBadRow(bad);
                    // Skipping: drop this line's bytes; the next feed resumes after its line feed.
                    const lf = countLf(buf, rowStart, len);
                    this.line = rowLine + lf;
                    this.newlines += lf;
                    this.consumed = base + len;
                    this.skipping = true;
                    return false;
                }
                this.pending = buf.subarray(rowStart);
                this.consumed = base + rowStart;
                return false;
            }
            if (pos > checkedUpTo) {
                const lastLf = buf.lastIndexOf(LF, len - 1);
                const end = last ? len : Math.max(pos, lastLf + 1);
                if (!(0,external_node_buffer_namespaceObject.isUtf8)(buf.subarray(rowStart, end))) {
                    this.badEncoding(buf, rowStart, end, rowLine);
                }
                checkedUpTo = end;
            }
            this.line = rowLine + rowNewlines;
            this.newlines += rowNewlines;
            if (quoteError) {
                this.onBadRow(quoteError);
                continue;
            }
            if (stuffAfterQuote) {
                this.onBadRow(stuffAfterQuote);
                continue;
            }
            // A blank line is not a row (RFC 4180 has none; many writers end with one).
            if (fields.length === 1 && fields[0] === "")
                continue;
            sink.row(fields, rowLine);
        }
        this.consumed = base + len;
        return false;
    }
    /** Set after an over-long row was skipped: the next bytes up to a line feed are dropped. */
    skipping = false;
    badEncoding(buf, from, to, line) {
        // Find the first line (and field) that is not UTF-8, for the message.
        let l = line;
        let start = from;
        for (let i = from; i <= to; i++) {
            if (i === to || buf[i] === LF) {
                const segment = buf.subarray(start, i);
                if (!(0,external_node_buffer_namespaceObject.isUtf8)(segment)) {
                    let col = 1;
                    let fieldStart = 0;
                    for (let j = 0; j <= segment.length; j++) {
                        if (j === segment.length || segment[j] === this.delimiter) {
                            if (!(0,external_node_buffer_namespaceObject.isUtf8)(segment.subarray(fieldStart, j)))
                                break;
                            col++;
                            fieldStart = j + 1;
                        }
                    }
                    throw new UserError("is not valid UTF-8", { file: this.file, line: l, column: col }, "Save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)");
                }
                l++;
                start = i + 1;
            }
        }
    }
}
function countLf(buf, from, to) {
    let n = 0;
    for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1))
        n++;
    return n;
}
const CANDIDATES = [",", "\t", ";", "|"];
/**
 * Guesses the delimiter from the first lines: the candidate that appears (outside quotes) the same
 * non-zero number of times on most lines, preferring more occurrences. Falls back to a comma.
 */
function sniffDelimiter(sample) {
    const lines = splitSampleLines(sample).slice(0, 50);
    let best = ",";
    let bestScore = 0;
    for (const d of CANDIDATES) {
        const counts = lines.map((l) => countOutsideQuotes(l, d));
        const freq = new Map();
        for (const c of counts)
            if (c > 0)
                freq.set(c, (freq.get(c) ?? 0) + 1);
        let mode = 0;
        let modeLines = 0;
        for (const [c, n] of freq)
            if (n > modeLines || (n === modeLines && c > mode))
                [mode, modeLines] = [c, n];
        if (mode === 0)
            continue;
        const consistency = modeLines / lines.length;
        const score = consistency * 1000 + Math.min(mode, 999);
        if (score > bestScore) {
            best = d;
            bestScore = score;
        }
    }
    return best;
}
/** Lines of a sample, not splitting inside quotes; the last (maybe cut) line is dropped when more followed. */
function splitSampleLines(sample) {
    const lines = [];
    let inQuote = false;
    let start = 0;
    for (let i = 0; i < sample.length; i++) {
        const c = sample[i];
        if (c === '"')
            inQuote = !inQuote;
        else if (c === "\n" && !inQuote) {
            lines.push(sample.slice(start, i).replace(/\r$/, ""));
            start = i + 1;
        }
    }
    if (start < sample.length && lines.length === 0)
        lines.push(sample.slice(start));
    return lines.filter((l) => l !== "");
}
function countOutsideQuotes(line, d) {
    let n = 0;
    let inQuote = false;
    for (const c of line) {
        if (c === '"')
            inQuote = !inQuote;
        else if (c === d && !inQuote)
            n++;
    }
    return n;
}
function delimiterName(d) {
    return d === "\t" ? "tab" : d === "," ? "comma" : d === ";" ? "semicolon" : d === "|" ? "pipe" : `'${d}'`;
}

;// CONCATENATED MODULE: ./build/bundle/data/read.js








const CHUNK = 1 << 20;
const MAX_LINE = MAX_ROW_BYTES;
const DATA_EXTENSIONS = [".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json"];
/** The data files behind a path: the file itself, a folder's data files, or an MLTable's paths. */
async function dataFiles(path, input = "data") {
    let info;
    try {
        info = await (0,promises_.stat)(path);
    }
    catch {
        throw new UserError(`'${path}' does not exist`, { input }, "Give a CSV or JSON Lines file, a folder of them, or a dataset reference such as name@latest");
    }
    if (info.isFile())
        return [path];
    const mltable = (0,external_node_path_namespaceObject.join)(path, "MLTable");
    const hasMltable = await (0,promises_.stat)(mltable).then((s) => s.isFile(), () => false);
    if (hasMltable)
        return mltableFiles(path, mltable, input);
    const files = [];
    const walk = async (dir) => {
        for (const e of (await (0,promises_.readdir)(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const full = (0,external_node_path_namespaceObject.join)(dir, e.name);
            if (e.isDirectory() && !e.name.startsWith("."))
                await walk(full);
            else if (e.isFile() && DATA_EXTENSIONS.includes(dataExt(e.name)))
                files.push(full);
        }
    };
    await walk(path);
    if (files.length === 0) {
        throw new UserError(`folder '${path}' holds no CSV or JSON Lines files`, { input }, `Add files ending in ${DATA_EXTENSIONS.join(", ")} (optionally .gz)`);
    }
    return files;
}
/** The MLTable `paths:` entries (file, folder, pattern as a simple `*` glob). */
async function mltableFiles(root, mltable, input) {
    const doc = (0,dist/* parse */.qg)(await (0,promises_.readFile)(mltable, "utf8"));
    if (!doc?.paths?.length) {
        throw new UserError("MLTable has no `paths:`", { input, file: mltable }, "List the data files under paths: (- file: ./data.csv)");
    }
    const out = [];
    for (const entry of doc.paths) {
        const target = entry.file ?? entry.folder ?? entry.pattern;
        if (!target || /^[a-z]+:\/\//i.test(target)) {
            throw new UserError(`MLTable path '${JSON.stringify(entry)}' is not a local file, folder or pattern`, { input, file: mltable }, "Use relative paths for local data");
        }
        if (entry.pattern) {
            const re = new RegExp(`^${target
                .replace(/^\.\//, "")
                .replace(/[.+^${}()|[\]\\]/g, "\\$&")
                .replace(/\*\*\/?/g, "(.*/)?")
                .replace(/\*/g, "[^/]*")}$`);
            const all = await dataFiles(root, input).catch(() => []);
            out.push(...all.filter((f) => re.test((0,external_node_path_namespaceObject.relative)(root, f).split("\\").join("/"))));
        }
        else
            out.push(...(await dataFiles((0,external_node_path_namespaceObject.resolve)(root, target), input)));
    }
    return out;
}
function dataExt(name) {
    const n = name.toLowerCase().replace(/\.gz$/, "");
    return (0,external_node_path_namespaceObject.extname)(n);
}
async function isGzip(file) {
    const fh = await (0,promises_.open)(file, "r");
    try {
        const b = Buffer.alloc(2);
        const { bytesRead } = await fh.read(b, 0, 2, 0);
        return bytesRead === 2 && b[0] === 0x1f && b[1] === 0x8b;
    }
    finally {
        await fh.close();
    }
}
/** The file's bytes as chunks: gunzipped when gzip, else from `start` to `end` (exclusive). */
async function* byteChunks(file, gzip, start = 0, end) {
    const stream = (0,external_node_fs_namespaceObject.createReadStream)(file, { start, end: end === undefined ? undefined : end - 1, highWaterMark: CHUNK });
    if (!gzip) {
        for await (const chunk of stream)
            yield chunk;
        return;
    }
    const gunzip = (0,external_node_zlib_namespaceObject.createGunzip)({ chunkSize: CHUNK });
    stream.pipe(gunzip);
    try {
        for await (const chunk of gunzip)
            yield chunk;
    }
    catch (error) {
        throw new UserError(`is not a valid gzip file (${error.message})`, { file }, "Recompress it with gzip, or remove the .gz ending");
    }
    finally {
        stream.destroy();
    }
}
async function detectFormat(file, gzip) {
    const ext = dataExt(file);
    if (ext === ".jsonl" || ext === ".ndjson" || ext === ".json")
        return "jsonl";
    if (ext === ".csv" || ext === ".tsv")
        return "csv";
    for await (const chunk of byteChunks(file, gzip)) {
        const text = chunk
            .toString("utf8", 0, Math.min(chunk.length, 1024))
            .replace(/^\uFEFF/, "")
            .trimStart();
        return text.startsWith("{") ? "jsonl" : "csv";
    }
    return "csv";
}
/** Reads the header row (after a BOM) and settles the delimiter. */
async function readCsvHead(file, opts) {
    const gzip = await isGzip(file);
    let sample = Buffer.alloc(0);
    for await (const chunk of byteChunks(file, gzip)) {
        sample = Buffer.concat([sample, chunk]);
        if (sample.length >= 64 * 1024)
            break;
    }
    let offset = 0;
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
        offset = 3;
    if (sample.length - offset === 0 || sample.subarray(offset).toString("utf8").trim() === "") {
        throw new UserError("is empty", { file }, "Give a file with a header row and at least one data row");
    }
    const text = sample.toString("utf8", offset);
    const tsv = dataExt(file) === ".tsv";
    const delimiter = opts.delimiter ?? (tsv ? "\t" : sniffDelimiter(text));
    let header;
    let headerLine = 1;
    const parser = new CsvParser(file, delimiter.charCodeAt(0), (bad) => {
        throw new UserError(`header row: ${bad.message}`, { file, line: bad.line, column: bad.column }, bad.fix);
    });
    const more = sample.length >= 64 * 1024;
    const head = sample.subarray(offset);
    parser.feed(head, !more, {
        row(fields, line) {
            if (header)
                return;
            header = fields.slice();
            headerLine = line;
        },
    });
    if (!header) {
        throw new UserError("has no complete header row in its first 64 KiB", { file }, "Check the quoting of the header row");
    }
    const names = header;
    // Where the header ends: parse only the header row again to find its byte length.
    const end = headerEnd(head, delimiter.charCodeAt(0));
    const seen = new Map();
    names.forEach((raw, i) => {
        const name = raw.trim() === "" ? `column_${i + 1}` : raw.trim();
        const prev = seen.get(name);
        if (prev !== undefined) {
            throw new UserError(`column name '${name}' appears twice (columns ${prev + 1} and ${i + 1})`, { file, line: headerLine, column: i + 1 }, "Give every column a unique name");
        }
        seen.set(name, i);
        names[i] = name;
    });
    if (names.length === 1) {
        // One column is legal, but a header holding another common delimiter is more likely a miss.
        const other = [",", "\t", ";", "|"].find((d) => d !== delimiter && names[0].includes(d));
        if (other) {
            throw new UserError(`the header has one column but contains ${delimiterName(other)}s; the delimiter is probably ${delimiterName(other)}`, { file, line: headerLine }, `Set input 'delimiter' to ${JSON.stringify(other)}, or fix the header`);
        }
    }
    return {
        file,
        gzip,
        delimiter,
        header: names,
        dataStart: offset + end,
        dataLine: headerLine + countLines(head.subarray(0, end)),
    };
}
function countLines(b) {
    let n = 0;
    for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1))
        n++;
    return n;
}
/** Byte length of the first row (with its line end), respecting quotes. */
function headerEnd(buf, delim) {
    let inQuote = false;
    for (let i = 0; i < buf.length; i++) {
        const c = buf[i];
        if (c === 0x22)
            inQuote = !inQuote;
        else if (c === 0x0a && !inQuote)
            return i + 1;
    }
    void delim;
    return buf.length;
}
/**
 * Profiles the data rows of a CSV file from `start` (a row boundary) until the first row that
 * starts at or after `stop`. Line numbers count from `firstLine`.
 */
async function profileCsvRange(head, start, stop, firstLine, opts, reportBad) {
    const builder = new ProfileBuilder(head.header, opts.rulesFor);
    builder.files.push(head.file);
    const width = head.header.length;
    let badRows = 0;
    const fail = (bad) => {
        if (opts.badRows === "error")
            throw new UserError(bad.message, { file: head.file, line: bad.line, column: bad.column }, bad.fix);
        badRows++;
        reportBad(bad);
    };
    const parser = new CsvParser(head.file, head.delimiter.charCodeAt(0), fail, firstLine);
    const sink = {
        row(fields, line) {
            if (fields.length !== width) {
                const other = [",", "\t", ";", "|"].find((d) => d !== head.delimiter && fields.some((f) => f.includes(d)));
                fail({
                    message: `row has ${fields.length} field(s); the header has ${width}`,
                    line,
                    column: Math.min(fields.length, width) + 1,
                    fix: fields.length === 1 && other
                        ? `The row looks ${delimiterName(other)}-separated: set input 'delimiter' to ${JSON.stringify(other)}`
                        : "Quote fields that contain the delimiter, or set badRows: skip to count and skip such rows",
                });
                return;
            }
            builder.addRow(fields, line);
        },
    };
    const rangeStop = stop - start;
    let stopped = false;
    let checks = 0;
    // A gzip stream cannot seek: drop the header's bytes from the decompressed start instead.
    let toSkip = head.gzip ? start : 0;
    for await (let chunk of byteChunks(head.file, head.gzip, head.gzip ? 0 : start)) {
        if (toSkip > 0) {
            if (toSkip >= chunk.length) {
                toSkip -= chunk.length;
                continue;
            }
            chunk = chunk.subarray(toSkip);
            toSkip = 0;
        }
        if (parser.feed(chunk, false, sink, rangeStop)) {
            stopped = true;
            break;
        }
        if ((++checks & 15) === 0 && opts.signal?.aborted)
            throw opts.signal.reason;
    }
    if (!stopped)
        parser.feed(Buffer.alloc(0), true, sink);
    builder.badRows = badRows;
    return { builder, end: start + parser.consumed, newlines: parser.newlines, badRows };
}
/** Profiles one CSV file on this thread. */
async function profileCsvFile(head, opts) {
    const bad = (b) => opts.onBadRow?.(head.file, b);
    const result = await profileCsvRange(head, head.dataStart, Number.POSITIVE_INFINITY, head.dataLine, opts, bad);
    if (result.builder.rows === 0 && result.badRows === 0) {
        throw new UserError("has a header row but no data rows", { file: head.file, line: head.dataLine }, "Add data rows, or point 'data' at the right file");
    }
    return result.builder;
}
/** Profiles a JSON Lines file: one object per line; keys become columns. */
async function profileJsonlFile(file, opts) {
    const gzip = await isGzip(file);
    const builder = new ProfileBuilder([], opts.rulesFor);
    builder.files.push(file);
    let line = 0;
    let pending;
    let sawAny = false;
    const fail = (bad) => {
        if (opts.badRows === "error")
            throw new UserError(bad.message, { file, line: bad.line, column: bad.column }, bad.fix);
        builder.badRows++;
        opts.onBadRow?.(file, bad);
    };
    const handle = (text) => {
        line++;
        if (line === 1 && text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        if (text.trim() === "")
            return;
        sawAny = true;
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            const m = /position (\d+)/.exec(error.message);
            fail({
                message: `is not valid JSON (${error.message})`,
                line,
                column: m ? Number(m[1]) + 1 : undefined,
                fix: "Write one JSON object per line",
            });
            return;
        }
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
            fail({
                message: "is not a JSON object",
                line,
                column: 1,
                fix: 'Write one JSON object per line, such as {"age": 42}',
            });
            return;
        }
        const record = value;
        for (const c of builder.columns)
            if (!(c.name in record))
                c.addNull();
        for (const [k, v] of Object.entries(record)) {
            const col = builder.column(k);
            if (v === null || v === undefined)
                col.addNull();
            else if (typeof v === "string")
                col.add(v, line);
            else if (typeof v === "number" || typeof v === "boolean")
                col.add(String(v), line);
            else
                col.add(JSON.stringify(v), line);
        }
        builder.rows++;
    };
    let dropping = false;
    for await (let chunk of byteChunks(file, gzip)) {
        if (dropping) {
            // Skipping an over-long line: resume after its line feed.
            const nl = chunk.indexOf(0x0a);
            if (nl < 0)
                continue;
            chunk = chunk.subarray(nl + 1);
            dropping = false;
        }
        const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
        let start = 0;
        for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
            handle(decode(buf, start, nl, file, line + 1));
            start = nl + 1;
        }
        pending = buf.subarray(start);
        if (pending.length > MAX_LINE) {
            line++;
            fail({
                message: `line is longer than ${MAX_LINE / 1024 / 1024} MiB`,
                line,
                fix: "Split the record, or check that lines end with a line feed",
            });
            pending = undefined;
            dropping = true;
        }
        if (opts.signal?.aborted)
            throw opts.signal.reason;
    }
    if (pending && pending.length > 0)
        handle(decode(pending, 0, pending.length, file, line + 1));
    if (!sawAny)
        throw new UserError("is empty", { file }, "Give a file with one JSON object per line");
    if (builder.rows === 0 && builder.badRows === 0)
        throw new UserError("holds no JSON objects", { file }, "Write one JSON object per line");
    return builder;
}
const decoder = new TextDecoder("utf-8", { fatal: true });
function decode(buf, start, end, file, line) {
    try {
        return decoder.decode(buf.subarray(start, end));
    }
    catch {
        throw new UserError("is not valid UTF-8", { file, line }, "Save the file as UTF-8");
    }
}

;// CONCATENATED MODULE: ./build/bundle/data/profile-data.js






/** Files at least this big are split over worker threads; below it, starting workers costs more. */
const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/** Profiles a file, a folder of files or an MLTable folder in one streaming pass per file. */
async function profileData(path, opts) {
    const files = await dataFiles(path, opts.input ?? "data");
    const read = { ...opts, rulesFor: (c) => valueRules(opts.rules, c) };
    let whole;
    for (const file of files) {
        const part = await profileFile(file, read, opts);
        if (whole)
            whole.merge(part);
        else
            whole = part;
    }
    if (!whole)
        throw new UserError(`no data in '${path}'`, { input: opts.input ?? "data" });
    if (opts.labelColumn && !whole.columns.some((c) => c.name === opts.labelColumn)) {
        throw new UserError(`label column '${opts.labelColumn}' is not in the data`, { input: "labelColumn" }, `Use one of: ${whole.columns.map((c) => c.name).join(", ")}`);
    }
    const json = whole.toJSON({ labelColumn: opts.labelColumn });
    json.source.dataset = opts.dataset;
    return json;
}
async function profileFile(file, read, opts) {
    const size = (await (0,promises_.stat)(file)).size;
    if (size === 0)
        throw new UserError("is empty", { file }, "Give a file with a header row and at least one data row");
    const head = await readCsvHeadOrNull(file, read);
    if (!head)
        return profileJsonlFile(file, read);
    const threads = Math.max(1, Math.min(read.threads ?? (0,external_node_os_namespaceObject.availableParallelism)(), 8));
    if (threads > 1 && !head.gzip && size >= (opts.parallelMinBytes ?? PARALLEL_MIN_BYTES) && canUseWorkers()) {
        const merged = await profileCsvParallel(head, size, threads, read, opts.rules);
        if (merged)
            return merged;
    }
    return profileCsvFile(head, read);
}
/** The CSV head, or undefined for a JSON Lines file. */
async function readCsvHeadOrNull(file, read) {
    if ((await detectFormat(file, await isGzip(file))) !== "csv")
        return undefined;
    return readCsvHead(file, read);
}

;// CONCATENATED MODULE: ./build/bundle/data/report.js




/** The Markdown report: the verdict first, then a table per column, then the details. */
function renderReport(r) {
    const errors = r.findings.filter((f) => f.severity === "error");
    const warnings = r.findings.filter((f) => f.severity === "warning");
    const lines = [];
    lines.push(`### ${r.passed ? "✅" : "❌"} validate-data ${r.passed ? "passed" : "failed"}: \`${r.subject}\``);
    lines.push("");
    const verdict = [`**${errors.length} error(s), ${warnings.length} warning(s)**`];
    if (r.drift) {
        const d = r.drift;
        verdict.push(`drift in ${d.driftedColumns.length} of ${d.results.length} tested column(s) (${pct(d.share)}; the dataset counts as drifted at ${pct(d.threshold)}): **${d.drifted ? "dataset drifted" : "no dataset drift"}**`);
    }
    else if (r.createdBaseline)
        verdict.push(`baseline written to \`${r.createdBaseline}\``);
    else
        verdict.push("no baseline: schema and drift not compared");
    verdict.push(`fails on: ${r.failOn}`);
    lines.push(verdict.join(" · "));
    lines.push("");
    const facts = [
        `${r.profile.rows} rows${r.baseline ? ` (baseline ${r.baseline.rows})` : ""}`,
        `${r.profile.columns.length} columns`,
    ];
    if (r.profile.badRows > 0)
        facts.push(`${r.profile.badRows} bad row(s) skipped`);
    if (r.baselineName)
        facts.push(`baseline \`${r.baselineName}\``);
    if (r.drift && r.baseline) {
        facts.push(r.baseline.rows <= SMALL_REFERENCE
            ? "small reference: KS, chi-square and z-tests at p < 0.05"
            : "large reference: Wasserstein and Jensen–Shannon distances at ≥ 0.1");
    }
    lines.push(facts.join(" · "));
    lines.push("");
    if (errors.length + warnings.length > 0) {
        for (const f of [...errors, ...warnings].slice(0, 50)) {
            const where = f.file ? ` (${f.file}${f.line ? `:${f.line}` : ""})` : "";
            lines.push(`- ${f.severity === "error" ? "❌" : "⚠️"} ${f.column ? `\`${cell(f.column)}\` ` : ""}**${f.check}**: ${cell(f.message)}${where}`);
        }
        if (errors.length + warnings.length > 50)
            lines.push(`- … and ${errors.length + warnings.length - 50} more`);
        lines.push("");
    }
    lines.push(columnTable(r));
    lines.push("");
    const drifted = r.drift?.results.filter((x) => x.drifted) ?? [];
    if (drifted.length > 0) {
        lines.push("**What moved most**");
        lines.push("");
        for (const d of drifted)
            lines.push(`- \`${cell(d.column)}\`: ${d.message}`);
        lines.push("");
    }
    if (r.profile.labelColumn)
        lines.push(classBalance(r.profile, r.baseline), "");
    lines.push(details("Profile details", profileTable(r.profile)));
    lines.push("");
    return lines.join("\n");
}
function columnTable(r) {
    const base = new Map(r.baseline?.columns.map((c) => [c.name, c]) ?? []);
    const drift = new Map(r.drift?.results.map((d) => [d.column, d]) ?? []);
    const skipped = new Map(r.drift?.skipped.map((s) => [s.column, s.reason]) ?? []);
    const problems = new Map();
    for (const f of r.findings)
        if (f.column)
            problems.set(f.column, [...(problems.get(f.column) ?? []), f]);
    const names = [...r.profile.columns.map((c) => c.name)];
    for (const b of r.baseline?.columns ?? [])
        if (!names.includes(b.name))
            names.push(b.name);
    const cur = new Map(r.profile.columns.map((c) => [c.name, c]));
    const rows = names.map((name) => {
        const c = cur.get(name);
        const b = base.get(name);
        const d = drift.get(name);
        const fs = problems.get(name) ?? [];
        const verdict = fs.some((f) => f.severity === "error")
            ? "❌ error"
            : d?.drifted
                ? "⚠️ drift"
                : fs.length > 0
                    ? "⚠️ warning"
                    : "✅";
        const pair = (f) => b && c ? `${f(b)} → ${f(c)}` : c ? f(c) : b ? `${f(b)} → missing` : "";
        const test = d ? d.test : (skipped.get(name) ?? (b ? "" : "new"));
        const stat = d ? `${num(d.score)} ${IS_P_VALUE[d.test] ? "(p)" : ""}`.trim() : "";
        const threshold = d ? `${IS_P_VALUE[d.test] ? "<" : "≥"} ${num(d.threshold)}` : "";
        const spark = d ? `${sparkline(d.bins.baseline)} / ${sparkline(d.bins.current)}` : c ? sparkline(hist(c)) : "";
        return [
            `\`${name}\``,
            pair((x) => x.type),
            pair((x) => pct(x.nullShare)),
            pair((x) => (x.numeric ? num(x.numeric.mean) : `${num(x.distinct.estimate)} distinct`)),
            test,
            stat,
            threshold,
            d ? num(d.psi) : "",
            verdict,
            spark,
        ];
    });
    return table([
        "column",
        "type",
        "nulls",
        "mean / distinct",
        "test",
        "score",
        "drift when",
        "PSI",
        "verdict",
        r.baseline ? "baseline / now" : "histogram",
    ], rows);
}
function hist(c) {
    if (c.numeric)
        return c.numeric.histogram.counts;
    return c.top.items.slice(0, 20).map((i) => i[1]);
}
function classBalance(p, baseline) {
    const label = p.labelColumn;
    const c = p.columns.find((x) => x.name === label);
    const b = baseline?.columns.find((x) => x.name === label);
    if (!c)
        return "";
    const n = c.count - c.nulls;
    const bn = b ? b.count - b.nulls : 0;
    const bmap = new Map(b?.top.items ?? []);
    const rows = c.top.items.slice(0, 20).map(([v, k]) => [v, k, pct(k / n), b ? pct((bmap.get(v) ?? 0) / bn) : "–"]);
    return `**Class balance of \`${label}\`**\n\n${table(["class", "rows", "share", "baseline share"], rows)}`;
}
function profileTable(p) {
    const rows = p.columns.map((c) => {
        const q = c.numeric?.quantiles;
        return [
            `\`${c.name}\``,
            c.type,
            c.violations,
            c.count,
            c.nulls,
            num(c.distinct.estimate),
            c.numeric
                ? `${num(c.numeric.min)} / ${num(q?.p25)} / ${num(q?.p50)} / ${num(q?.p75)} / ${num(c.numeric.max)}`
                : c.dates
                    ? `${c.dates.min} … ${c.dates.max}`
                    : "",
            c.numeric ? `${num(c.numeric.mean)} ± ${num(c.numeric.std)}` : "",
            `${c.lengths.min}–${c.lengths.max} (${num(c.lengths.mean)})`,
            c.top.items
                .slice(0, 3)
                .map(([v, n]) => `${v.length > 20 ? `${v.slice(0, 20)}…` : v} (${n})`)
                .join(", "),
        ];
    });
    return table([
        "column",
        "type",
        "violations",
        "count",
        "nulls",
        "distinct",
        "min / p25 / p50 / p75 / max",
        "mean ± std",
        "length",
        "top values",
    ], rows);
}

;// CONCATENATED MODULE: ./build/bundle/tasks/validate-data.js











const validate_data_spec = {
    name: "validate-data",
    title: "Validate data",
    summary: "Profiles data in one streaming pass, checks it against a baseline profile and rules, and tests drift.",
    inputs: [
        {
            name: "data",
            type: "string",
            required: true,
            description: "A file or folder, or a dataset reference such as `diabetes@3` or `diabetes@latest`.",
            example: "data/diabetes.csv",
        },
        {
            name: "baseline",
            type: "string",
            description: "Baseline: a profile JSON file or a dataset reference. Without one, only rules are checked.",
            example: "baseline/diabetes.profile.json",
        },
        { name: "writeProfile", type: "path", description: "Where to write this data's profile (JSON)." },
        {
            name: "failOn",
            type: "choice",
            options: ["error", "drift", "never"],
            default: "error",
            description: "What fails the task: `error` (schema and rule violations), `drift` (errors or dataset drift), `never`.",
        },
        {
            name: "createBaseline",
            type: "boolean",
            default: "false",
            description: "Write this (trusted) data's profile to the `baseline` path instead of comparing with it; rules are still checked.",
        },
        {
            name: "rules",
            type: "path",
            description: "A YAML file of expectations: per column `min`, `max`, `allowed`, `maxNullShare`, `unique`, `pattern`, `drift: {test, threshold}`; `rows: {min, max}`; `drift: {share}`.",
            example: "data/diabetes.rules.yml",
        },
        {
            name: "labelColumn",
            type: "string",
            description: "The label (target) column: the report shows its class balance against the baseline's.",
        },
        {
            name: "badRows",
            type: "choice",
            options: ["error", "skip"],
            default: "error",
            description: "Malformed rows (ragged, unterminated quote, over-long line): `error` stops at the first with its file and line; `skip` counts them and warns.",
        },
        {
            name: "driftShare",
            type: "number",
            description: "Share of tested columns that must drift for the dataset to count as drifted (default 0.5, or `drift.share` from the rules file).",
        },
        {
            name: "columnTests",
            type: "multiline",
            description: "Per-column drift test overrides, one `column=test[:threshold]` per line; tests: ks, chisquare, ztest, wasserstein, jensenshannon, psi, none.",
            example: "age=psi:0.2",
        },
        {
            name: "delimiter",
            type: "string",
            description: "CSV delimiter; sniffed from the first lines when empty. Write `\\t` for a tab.",
            advanced: true,
        },
        ...WORKSPACE_INPUTS,
    ],
    outputs: [
        { name: "passed", description: "`true` when no check selected by `failOn` failed." },
        { name: "driftedColumns", description: "JSON array of the columns whose distribution drifted." },
        { name: "profile", description: "Path of the profile JSON written for this data." },
        { name: "report", description: "Path of the Markdown report." },
    ],
    example: { data: "diabetes@latest", baseline: "baseline/diabetes.profile.json" },
};
const REF = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,254})@(\d+|latest)$/;
/** A path that exists, else a dataset reference `name@version` resolved through the workspace. */
async function resolveData(ctx, value, input) {
    const path = (0,external_node_path_namespaceObject.resolve)(ctx.cwd, value);
    const exists = await (0,promises_.stat)(path).then(() => true, () => false);
    const m = REF.exec(value);
    if (exists || !m)
        return { path, label: value };
    const [, name, version] = m;
    const ds = await ctx.workspace.datasets.get(name, version);
    if (!ds) {
        const versions = (await ctx.workspace.datasets.list(name)).map((d) => d.version);
        throw new UserError(versions.length === 0 ? `no dataset '${name}' in the workspace` : `dataset '${name}' has no version ${version}`, { input }, versions.length === 0
            ? "Register it first with register-dataset, or give a file path"
            : `Use one of: ${versions.join(", ")}, latest`);
    }
    return {
        path: await ctx.workspace.datasets.localPath(ds, ctx.log),
        label: `${name}@${ds.version}`,
        dataset: { name, version: ds.version },
    };
}
function parseColumnTests(lines) {
    const out = {};
    for (const line of lines) {
        const m = /^([^=]+)=([a-z]+)(?::([0-9.eE+-]+))?$/.exec(line);
        const test = m?.[2];
        const threshold = m?.[3] === undefined ? undefined : Number(m[3]);
        if (!m ||
            !(TEST_NAMES.includes(test) || test === "none") ||
            (threshold !== undefined && !(threshold > 0))) {
            throw new UserError(`'${line}' is not column=test[:threshold]`, { input: "columnTests" }, `Write for example age=psi:0.2; tests: ${TEST_NAMES.join(", ")}, none`);
        }
        out[m[1].trim()] = { test: test, threshold };
    }
    return out;
}
function stamp() {
    return new Date().toISOString().replace(/[:.]/g, "-");
}
function csvCell(v) {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
const HISTORY = "validations/history.csv";
const HISTORY_HEADER = "time,dataset,version,rows,columns,errors,warnings,tested_columns,drifted_columns,drift_share,dataset_drifted,passed,drifted,profile";
async function validate_data_run(ctx) {
    const { inputs, log, workspace } = ctx;
    const failOn = inputs.string("failOn") ?? "error";
    const createBaseline = inputs.boolean("createBaseline");
    const badRows = (inputs.string("badRows") ?? "error");
    let delimiter = inputs.string("delimiter");
    if (delimiter === "\\t" || delimiter === "tab")
        delimiter = "\t";
    if (delimiter !== undefined && delimiter.length !== 1) {
        throw new UserError(`'${delimiter}' is not one character`, { input: "delimiter" }, "Use one character such as ; or \\t, or leave it empty to sniff");
    }
    const overrides = parseColumnTests(inputs.list("columnTests"));
    const driftShareInput = inputs.number("driftShare");
    if (driftShareInput !== undefined && !(driftShareInput > 0 && driftShareInput <= 1)) {
        throw new UserError(`${driftShareInput} is not a share in (0, 1]`, { input: "driftShare" }, "Use a share such as 0.5");
    }
    const rulesPath = inputs.string("rules");
    const rules = rulesPath ? await readRules((0,external_node_path_namespaceObject.resolve)(ctx.cwd, rulesPath)) : undefined;
    const baselineInput = inputs.string("baseline");
    if (createBaseline && !baselineInput && !inputs.has("writeProfile")) {
        throw new UserError("createBaseline needs somewhere to write", { input: "baseline" }, "Set 'baseline' to the profile JSON path to create");
    }
    const data = await resolveData(ctx, inputs.requiredString("data"), "data");
    const labelColumn = inputs.string("labelColumn");
    let shownBad = 0;
    const options = {
        badRows,
        delimiter,
        rules,
        labelColumn,
        dataset: data.dataset,
        signal: ctx.signal,
        onBadRow: (file, bad) => {
            if (shownBad++ < 5)
                log.warning(`skipped row: ${bad.message}${bad.column ? ` (column ${bad.column})` : ""}`, {
                    file,
                    line: bad.line,
                    column: bad.column,
                });
        },
    };
    const started = Date.now();
    const profile = await log.group(`Profile ${data.label}`, () => profileData(data.path, options));
    log.info(`${profile.rows} rows, ${profile.columns.length} columns profiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (profile.badRows > 0)
        log.warning(`${profile.badRows} malformed row(s) skipped (badRows: skip)`);
    // The baseline: a profile file, a dataset's stored profile, or the dataset profiled now.
    let baseline;
    let baselineName;
    let createdBaseline;
    if (createBaseline) {
        createdBaseline = (0,external_node_path_namespaceObject.resolve)(ctx.cwd, baselineInput ?? inputs.string("writeProfile"));
        if (REF.test(baselineInput ?? "") && !(0,external_node_path_namespaceObject.isAbsolute)(baselineInput ?? "")) {
            throw new UserError("createBaseline writes a profile file, not a dataset", { input: "baseline" }, "Give a path such as baseline/data.profile.json");
        }
        await writeFileAtomic(createdBaseline, `${JSON.stringify(profile)}\n`);
        log.info(`Baseline profile written to ${createdBaseline}`);
    }
    else if (baselineInput) {
        const asPath = (0,external_node_path_namespaceObject.resolve)(ctx.cwd, baselineInput);
        const isFile = await (0,promises_.stat)(asPath).then((s) => s.isFile(), () => false);
        if (isFile || !REF.test(baselineInput)) {
            baseline = await readProfile(asPath, "baseline");
            baselineName = baselineInput;
        }
        else {
            const ref = await resolveData(ctx, baselineInput, "baseline");
            baselineName = ref.label;
            const stored = ref.dataset
                ? await workspace.artifacts.read(`profiles/${ref.dataset.name}/${ref.dataset.version}/profile.json`)
                : undefined;
            if (stored)
                baseline = parseProfile(stored.toString("utf8"), `profiles/${ref.label}`, "baseline");
            else
                baseline = await log.group(`Profile baseline ${ref.label}`, () => profileData(ref.path, {
                    ...options,
                    rules: undefined,
                    labelColumn: undefined,
                    dataset: ref.dataset,
                    input: "baseline",
                }));
        }
    }
    const findings = [];
    if (rules)
        findings.push(...checkRules(rules, profile));
    let drift;
    if (baseline) {
        findings.push(...checkAgainstBaseline(baseline, profile, baselineName ?? "baseline"));
        const ruleOverrides = Object.fromEntries(Object.entries(rules?.columns ?? {}).flatMap(([c, r]) => (r.drift ? [[c, r.drift]] : [])));
        drift = testDrift(baseline, profile, { ...ruleOverrides, ...overrides }, driftShareInput ?? rules?.drift?.share ?? 0.5);
    }
    const errors = findings.filter((f) => f.severity === "error");
    for (const f of findings) {
        const msg = `${f.column ? `${f.column}: ` : ""}${f.check}: ${f.message}`;
        const where = f.file ? { file: f.file, line: f.line } : undefined;
        if (f.severity === "error")
            log.error(msg, where);
        else
            log.warning(msg, where);
    }
    for (const d of drift?.results.filter((r) => r.drifted) ?? [])
        log.warning(`${d.column}: drift (${d.test} ${d.score.toPrecision(3)}): ${d.message}`);
    const passed = failOn === "never" || (errors.length === 0 && !(failOn === "drift" && drift?.drifted));
    const report = renderReport({
        subject: data.label,
        passed,
        failOn,
        profile,
        baseline,
        baselineName,
        findings,
        drift,
        createdBaseline,
    });
    // Keep this validation in the workspace: profile and report by dataset, version and time.
    const name = data.dataset?.name ?? (0,external_node_path_namespaceObject.basename)(data.path).replace(/\.(csv|tsv|jsonl|ndjson|json|txt)(\.gz)?$/i, "");
    const version = data.dataset?.version ?? "file";
    const key = `validations/${name}/${version}/${stamp()}`;
    const profileText = `${JSON.stringify(profile)}\n`;
    const storedProfile = await workspace.artifacts.write(`${key}/profile.json`, profileText);
    const reportPath = await workspace.artifacts.write(`${key}/report.md`, report);
    if (data.dataset)
        await workspace.artifacts.write(`profiles/${data.dataset.name}/${data.dataset.version}/profile.json`, profileText);
    let profilePath = storedProfile;
    if (inputs.has("writeProfile")) {
        profilePath = (0,external_node_path_namespaceObject.resolve)(ctx.cwd, inputs.string("writeProfile"));
        await writeFileAtomic(profilePath, profileText);
    }
    const warnings = findings.length - errors.length;
    if (!(await workspace.artifacts.read(HISTORY)))
        await workspace.artifacts.append(HISTORY, HISTORY_HEADER);
    await workspace.artifacts.append(HISTORY, [
        new Date().toISOString(),
        name,
        version,
        profile.rows,
        profile.columns.length,
        errors.length,
        warnings,
        drift?.results.length ?? 0,
        drift?.driftedColumns.length ?? 0,
        drift ? drift.share.toFixed(4) : "",
        drift?.drifted ?? "",
        passed,
        (drift?.driftedColumns ?? []).join(" "),
        storedProfile,
    ]
        .map((v) => csvCell(v))
        .join(","));
    const outputs = {
        passed: String(passed),
        driftedColumns: JSON.stringify(drift?.driftedColumns ?? []),
        profile: profilePath,
        report: reportPath,
    };
    if (passed)
        return { outputs, summary: report };
    const why = [
        errors.length > 0
            ? `${errors.length} error(s): ${errors
                .slice(0, 3)
                .map((e) => `${e.column ? `${e.column} ` : ""}${e.check}`)
                .join(", ")}`
            : "",
        drift?.drifted ? `dataset drift in ${drift.driftedColumns.join(", ")}` : "",
    ].filter(Boolean);
    return { outputs, summary: report, failure: `validate-data failed (failOn: ${failOn}): ${why.join("; ")}` };
}
const validateData = { spec: validate_data_spec, run: validate_data_run };

;// CONCATENATED MODULE: ./build/bundle/tasks/index.js





/** Every task, by name, in the order of the MLOps flow. */
const TASKS = {
    "register-dataset": registerDataset,
    "validate-data": validateData,
    "submit-pipeline": submitPipeline,
    "compare-models": compareModels,
    "deploy-endpoint": deployEndpoint,
};
function findTask(name) {
    return Object.hasOwn(TASKS, name) ? TASKS[name] : undefined;
}

;// CONCATENATED MODULE: ./build/bundle/hosts/cli-args.js


const kebab = (s) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (s) => s.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
function mainHelp() {
    const lines = [
        "Usage: mlops <task> [--input value ...] [--json]",
        "       mlops endpoints list|stop [name] [--workspace-dir DIR]",
        "",
        "Tasks:",
    ];
    const width = Math.max(...Object.keys(TASKS).map((n) => n.length));
    for (const t of Object.values(TASKS))
        lines.push(`  ${t.spec.name.padEnd(width)}  ${t.spec.summary}`);
    lines.push("", "Run `mlops <task> --help` for a task's inputs and outputs.");
    return lines.join("\n");
}
function taskHelp(spec) {
    const lines = [`Usage: mlops ${spec.name} [options]`, "", spec.summary, "", "Inputs:"];
    for (const i of spec.inputs) {
        const flag = `--${kebab(i.name)}${i.type === "boolean" ? " [true|false]" : " <value>"}`;
        const extra = [];
        if (i.required)
            extra.push("required");
        if (i.options)
            extra.push(`one of: ${i.options.join(", ")}`);
        if (i.default !== undefined)
            extra.push(`default: ${i.default}`);
        lines.push(`  ${flag}`, `      ${i.description.replace(/`/g, "")}${extra.length ? ` (${extra.join("; ")})` : ""}`);
    }
    lines.push("  --json", "      Print the outputs as one JSON object on the last line of stdout.", "", "Outputs:");
    for (const o of spec.outputs)
        lines.push(`  ${o.name}: ${o.description.replace(/`/g, "")}`);
    return lines.join("\n");
}
/** Parses `mlops <task> --kebab-input value ...`; also accepts `--camelCase` and `--flag=value`. */
function parseCli(argv) {
    const [first, ...rest] = argv;
    if (!first || first === "--help" || first === "-h" || first === "help")
        return { kind: "help", text: mainHelp() };
    if (first === "endpoints") {
        const action = rest[0];
        if (action !== "list" && action !== "stop") {
            throw new UserError(`unknown endpoints command '${action ?? ""}'`, {}, "Use `mlops endpoints list` or `mlops endpoints stop <name>`");
        }
        const dirAt = rest.indexOf("--workspace-dir");
        const name = rest[1] && !rest[1].startsWith("--") ? rest[1] : undefined;
        if (action === "stop" && !name)
            throw new UserError("which endpoint?", {}, "Use `mlops endpoints stop <name>`");
        return { kind: "endpoints", action, name, workspaceDir: dirAt >= 0 ? rest[dirAt + 1] : undefined };
    }
    const task = findTask(first);
    if (!task) {
        throw new UserError(`unknown task '${first}'`, { input: "task" }, `Use one of: ${Object.keys(TASKS).join(", ")}`);
    }
    const inputs = {};
    let json = false;
    let verbose = false;
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        if (arg === "--help" || arg === "-h")
            return { kind: "help", text: taskHelp(task.spec) };
        if (arg === "--json") {
            json = true;
            continue;
        }
        if (arg === "--verbose") {
            verbose = true;
            continue;
        }
        if (!arg.startsWith("--")) {
            throw new UserError(`unexpected argument '${arg}'`, {}, `Give inputs as --name value; see mlops ${first} --help`);
        }
        let key = arg.slice(2);
        let value;
        const eq = key.indexOf("=");
        if (eq >= 0) {
            value = key.slice(eq + 1);
            key = key.slice(0, eq);
        }
        const name = camel(key);
        const spec = task.spec.inputs.find((s) => s.name === name);
        if (!spec) {
            throw new UserError(`unknown option '--${key}' for ${first}`, {}, `See mlops ${first} --help for its inputs`);
        }
        if (value === undefined) {
            const next = rest[i + 1];
            if (spec.type === "boolean" && (next === undefined || next.startsWith("--")))
                value = "true";
            else if (next === undefined)
                throw new UserError(`--${key} needs a value`, { input: name });
            else
                value = rest[++i];
        }
        // A repeated multiline input (--set a=1 --set b=2) collects one line each.
        inputs[name] = inputs[name] !== undefined && spec.type === "multiline" ? `${inputs[name]}\n${value}` : value;
    }
    return { kind: "task", task: first, inputs, json, verbose };
}

;// CONCATENATED MODULE: ./build/bundle/tasks/inputs.js

/** Parsed, validated inputs of one task, keyed by input name. */
class Inputs {
    values;
    spec;
    constructor(values, spec) {
        this.values = values;
        this.spec = spec;
    }
    string(name) {
        const v = this.get(name);
        return v === undefined ? undefined : String(v);
    }
    requiredString(name) {
        const v = this.string(name);
        if (v === undefined || v === "") {
            throw new UserError("is required", { input: name }, `Set '${name}' (${this.describe(name)})`);
        }
        return v;
    }
    number(name) {
        const v = this.get(name);
        return v === undefined ? undefined : Number(v);
    }
    boolean(name) {
        return this.get(name) === true;
    }
    /** One entry per non-empty line (or comma) of a multiline input. */
    list(name) {
        const v = this.string(name);
        if (!v)
            return [];
        return v
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter((s) => s !== "" && !s.startsWith("#"));
    }
    /** `key=value` pairs, one per line or separated by commas. */
    map(name) {
        const out = {};
        const v = this.string(name);
        if (!v)
            return out;
        for (const raw of v.split(/\r?\n|,/)) {
            const entry = raw.trim();
            if (!entry)
                continue;
            const eq = entry.indexOf("=");
            if (eq <= 0) {
                throw new UserError(`'${entry}' is not key=value`, { input: name }, "Write one key=value pair per line");
            }
            out[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
        }
        return out;
    }
    has(name) {
        const v = this.values[name];
        return v !== undefined && v !== "";
    }
    all() {
        return { ...this.values };
    }
    get(name) {
        if (!this.spec.inputs.some((i) => i.name === name)) {
            throw new Error(`task ${this.spec.name} declares no input '${name}'`);
        }
        return this.values[name];
    }
    describe(name) {
        return this.spec.inputs.find((i) => i.name === name)?.description ?? name;
    }
}
const TRUE = new Set(["true", "yes", "1", "on"]);
const FALSE = new Set(["false", "no", "0", "off"]);
function parseOne(input, raw) {
    switch (input.type) {
        case "boolean": {
            const v = raw.trim().toLowerCase();
            if (TRUE.has(v))
                return true;
            if (FALSE.has(v))
                return false;
            throw new UserError(`'${raw}' is not a boolean`, { input: input.name }, "Use true or false");
        }
        case "number": {
            const n = Number(raw.trim());
            if (raw.trim() === "" || !Number.isFinite(n)) {
                throw new UserError(`'${raw}' is not a number`, { input: input.name }, "Give a number such as 30");
            }
            return n;
        }
        case "choice": {
            const v = raw.trim();
            if (!input.options?.includes(v)) {
                throw new UserError(`'${raw}' is not allowed`, { input: input.name }, `Use one of: ${input.options?.join(", ")}`);
            }
            return v;
        }
        case "multiline":
            return raw;
        default:
            return raw.trim();
    }
}
/**
 * Reads every declared input through `read` (the host's own input source), applies defaults,
 * and validates types, allowed values and required inputs before the task does any work.
 */
function parseInputs(spec, read, onSecret = () => { }) {
    const values = {};
    for (const input of spec.inputs) {
        let raw = read(input.name);
        if (raw !== undefined && input.secret && raw !== "")
            onSecret(raw);
        if (raw === undefined || raw === "")
            raw = input.default;
        if (raw === undefined || raw === "") {
            if (input.required) {
                throw new UserError(`missing (required by ${spec.name})`, { input: input.name }, `Set '${input.name}': ${input.description}`);
            }
            values[input.name] = undefined;
            continue;
        }
        values[input.name] = parseOne(input, raw);
    }
    return new Inputs(values, spec);
}

;// CONCATENATED MODULE: ./build/bundle/tasks/spec.js
const TASK_NAMES = [
    "register-dataset",
    "validate-data",
    "submit-pipeline",
    "compare-models",
    "deploy-endpoint",
];

;// CONCATENATED MODULE: ./build/bundle/workspace/open.js


/** Opens the workspace the inputs name. Backends are chosen here and nowhere else. */
async function openWorkspace(inputs, cwd, _log) {
    const backend = inputs.string("backend") ?? "local";
    switch (backend) {
        case "local":
            return LocalWorkspace.open((0,external_node_path_namespaceObject.resolve)(cwd, inputs.string("workspaceDir") ?? ".mlops"));
        default:
            throw new Error(`backend '${backend}' is not available in this build`);
    }
}

;// CONCATENATED MODULE: ./build/bundle/hosts/run-task.js





/**
 * The one error boundary every host shares: pick the task, parse and validate its inputs, open
 * the workspace, run, publish outputs, summary and comment; turn any error into the host's
 * failure report and exit code 1, never a stack trace.
 */
async function runTask(host, cwd = process.cwd()) {
    const controller = new AbortController();
    const onSignal = (signal) => {
        host.log.warning(`Received ${signal}: cancelling.`);
        controller.abort(new TaskFailure(`cancelled by ${signal}`));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    let outputs = {};
    try {
        const name = host.taskName();
        if (!name) {
            throw new UserError("no task given", { input: "task" }, `Set 'task' to one of: ${TASK_NAMES.join(", ")}`);
        }
        const task = findTask(name);
        if (!task) {
            throw new UserError(`unknown task '${name}'`, { input: "task" }, `Use one of: ${TASK_NAMES.join(", ")}`);
        }
        const inputs = parseInputs(task.spec, (n) => host.getInput(n), (secret) => host.log.secret(secret));
        const workspace = await openWorkspace(inputs, cwd, host.log);
        host.log.info(`mlops-action ${task.spec.name} on the ${workspace.description}`);
        const ctx = { inputs, workspace, log: host.log, cwd, signal: controller.signal, run: host.run };
        try {
            const result = await task.run(ctx);
            outputs = result.outputs;
            for (const [k, v] of Object.entries(result.outputs))
                host.setOutput(k, v);
            if (result.summary)
                await host.appendSummary(result.summary);
            if (result.comment) {
                const marker = `<!-- mlops-action:${task.spec.name}:${host.run.workflow ?? "default"} -->`;
                const said = await host.postComment(result.comment, marker, inputs.has("token") ? inputs.string("token") : undefined);
                host.log.info(said);
            }
            if (result.failure)
                throw new TaskFailure(result.failure);
        }
        finally {
            await workspace.close();
        }
        return { exitCode: 0, outputs };
    }
    catch (error) {
        if (error instanceof UserError)
            host.fail(error.describe(), error.location);
        else if (error instanceof TaskFailure)
            host.fail(error.message);
        else {
            // An unexpected error is still one line for the user; the stack goes to the debug log.
            host.log.debug(error instanceof Error && error.stack ? error.stack : String(error));
            host.fail(errorMessage(error));
        }
        return { exitCode: 1, outputs };
    }
    finally {
        process.removeListener("SIGINT", onSignal);
        process.removeListener("SIGTERM", onSignal);
    }
}

;// CONCATENATED MODULE: ./build/bundle/hosts/cli-main.js





/** The CLI: `mlops <task> ...`, `mlops --help`, `mlops endpoints list|stop`. Returns the exit code. */
async function runCli(argv, makeHost) {
    let command;
    try {
        command = parseCli(argv);
    }
    catch (error) {
        process.stderr.write(`error: ${error instanceof UserError ? error.describe() : String(error)}\n`);
        return 1;
    }
    if (command.kind === "help") {
        process.stdout.write(`${command.text}\n`);
        return 0;
    }
    if (command.kind === "endpoints") {
        const ws = await LocalWorkspace.open((0,external_node_path_namespaceObject.resolve)(command.workspaceDir ?? ".mlops"));
        const log = makeHost({ task: undefined, inputs: {}, json: false, verbose: false }).log;
        if (command.action === "list") {
            const endpoints = await ws.endpoints.list();
            if (endpoints.length === 0)
                log.info("No local endpoints.");
            for (const e of endpoints) {
                const traffic = Object.entries(e.traffic).map(([d, p]) => `${d}=${p}%`).join(" ");
                log.info(`${e.name}  ${e.scoringUri}  ${traffic || "(no traffic)"}`);
            }
            return 0;
        }
        if (!(await ws.endpoints.get(command.name ?? ""))) {
            process.stderr.write(`error: no local endpoint '${command.name}'. See mlops endpoints list.\n`);
            return 1;
        }
        await ws.endpoints.delete(command.name ?? "", log);
        log.info(`Stopped endpoint ${command.name}.`);
        return 0;
    }
    const host = makeHost({ task: command.task, inputs: command.inputs, json: command.json, verbose: command.verbose });
    const outcome = await runTask(host);
    if (command.json && outcome.exitCode === 0)
        host.printJson(outcome.outputs);
    return outcome.exitCode;
}


/***/ }),

/***/ 5463:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  F: () => (/* binding */ CliHost)
});

;// CONCATENATED MODULE: ./build/bundle/hosts/mask.js
/** Replaces every registered secret with *** in text bound for a log. */
class Masker {
    secrets = new Set();
    add(value) {
        // Very short values would mask ordinary words; hosts mask them too, so follow GitHub's lead.
        for (const v of [value, ...value.split(/\r?\n/)])
            if (v.trim().length >= 3)
                this.secrets.add(v.trim());
    }
    mask(text) {
        let out = text;
        for (const s of [...this.secrets].sort((a, b) => b.length - a.length))
            out = out.split(s).join("***");
        return out;
    }
}

;// CONCATENATED MODULE: ./build/bundle/hosts/cli.js

/** The command line: inputs from flags, logs to stdout, errors to stderr. */
class CliHost {
    options;
    out;
    err;
    log;
    run = { host: "cli" };
    masker = new Masker();
    summaries = [];
    constructor(options, out = (l) => process.stdout.write(`${l}\n`), err = (l) => process.stderr.write(`${l}\n`)) {
        this.options = options;
        this.out = out;
        this.err = err;
        const mask = (s) => this.masker.mask(s);
        const where = (w) => (w?.file ? `${w.file}${w.line ? `:${w.line}` : ""}: ` : "");
        this.log = {
            info: (m) => this.out(mask(m)),
            warning: (m, w) => this.err(mask(`warning: ${where(w)}${m}`)),
            error: (m, w) => this.err(mask(`error: ${where(w)}${m}`)),
            debug: (m) => {
                if (this.options.verbose)
                    this.err(mask(`debug: ${m}`));
            },
            group: async (title, fn) => {
                this.out(mask(`▸ ${title}`));
                return fn();
            },
            secret: (v) => this.masker.add(v),
        };
    }
    taskName() {
        return this.options.task;
    }
    getInput(name) {
        return this.options.inputs[name];
    }
    setOutput(name, value) {
        if (!this.options.json)
            this.out(this.masker.mask(`${name}=${value}`));
    }
    async appendSummary(markdown) {
        this.summaries.push(markdown);
        if (!this.options.json)
            this.out(this.masker.mask(`\n${markdown}`));
    }
    async postComment(_markdown, _marker) {
        return "Not on a pull request: the comment is the summary printed above.";
    }
    fail(message) {
        this.err(this.masker.mask(`error: ${message}`));
    }
    /** The last stdout line in --json mode. */
    printJson(outputs) {
        this.out(this.masker.mask(JSON.stringify(outputs)));
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(1268);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
