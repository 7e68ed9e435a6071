# 各个命令显示的文字：工具本身的错误，以及 init、new、status、hook、build、serve、audit、log 的输出。

## 工具本身的错误
error-line = 错误：{ $error }
error-help-line = {"\u000A"}  = 怎么改：{ $help }
note-line = 说明：{ $note }
error-no-site = `{ $path }` 和它上面的各级文件夹里都没有 site.toml
error-no-site-help = 在记录所在的文件夹（放着 site.toml 的那个）里运行 council，或者用 `council init` 新建一个
error-path = 不能使用 `{ $path }`：{ $reason }
error-io = `{ $path }`：{ $why }
path-not-a-folder = 这不是文件夹；请给出网站的文件夹（放着 site.toml 的那个）
path-is-a-file = 这是一个文件
io-not-found = 没有这个文件或文件夹
io-permission-denied = 没有权限
io-exists = 已经存在
io-is-a-folder = 这是一个文件夹
io-not-a-folder = 这不是文件夹
io-disk-full = 磁盘满了
io-other = { $detail }
git-failed = git 出错：{ $detail }
no-such-rule = 没有名为 `{ $name }` 的规则
rules-are-help = 规则有：{ $rules }
matter-not-key-id = `{ $matter }` 的写法不对，要写成“议事会代号/提议编号”，例如 `huangtai/grid-03/2025-001`
no-such-revision = 这个仓库里找不到 `{ $rev }` 这次提交

## council init
init-not-empty = `{ $path }` 不是空的；council init 只在空文件夹或新文件夹里创建记录库
init-not-empty-help = 换一个新的文件夹名，例如 `council init my-council`
init-created = 已在 { $path } 建立议事会记录库：
init-next = 下一步：把 { $file } 里的成员换成议事会的真实成员，然后运行 `council check`

## council new
new-no-contact = 议事会 `{ $council }` 没有写 `contact`（联系方式）：它的决定公示上只能请居民到社区咨询。请在 { $file } 里写上公开的联系方式，例如 `contact = "黄台路社区党群服务中心（黄台路16号）"`（办公电话还要写进 site.toml 的 `[privacy] allow`）
new-fill-in = 把标着【请填写：…】的地方填好，然后运行 `council check`
record-exists = `{ $path }` 已经存在；council 不会覆盖已有的记录
unknown-council-arg = 没有代号为 `{ $key }` 的议事会
no-council-yet-help = 网站还没有议事会：议事会就是 councils/ 下放着 council.toml 的文件夹
councils-are-help = 议事会有：{ $councils }
title-empty = `--title` 是空的
title-empty-help = 写上事项的标题，例如 `--title "为3号楼加装电梯"`
no-such-proposal-arg = 议事会 `{ $council }` 没有提议 `{ $id }`
see-proposals-help = 看看 { $folder } 里有哪些提议
not-yet-submitted = 还没有提出
report-not-adopted = `{ $matter }` 在 { $date } 的状态是“{ $state }”：督办报告要在议事会表决通过之后才写
report-not-adopted-help = 先在会议记录里记下表决通过（`action = "decide"`、`outcome = "adopted"`）
feedback-not-final = `{ $matter }` 在 { $date } 是“{ $state }”：回访在事项有了最终结果之后进行（已验收、不通过、已转交或已撤回）
feedback-not-final-help = 等事项作出决定、通过验收或撤回后再回访居民；办理过程中的走访写进督办报告（`council new report`）

## council status
status-as-of = 截至 { $date }
status-errors-note = 说明：记录里有 { $errors } 个错误（见 `council check`），下面的清单可能不全
status-nothing-owed = 没有待办的事
status-unanswered = 未答复
status-overdue = 已逾期
status-due-soon = { $days } 天内到期
status-unsupervised = { $days } 天无督办报告
status-deliberating = 审议中
status-awaiting-visit = 等待回访
status-days-since-outcome = 有结果已 { $days } 天
status-days-waiting = 已等 { $days } 天
status-days-late = 逾期 { $days } 天
status-days-left = 还剩 { $days } 天
status-days-since = 已过 { $days } 天

## council hook
hook-installed = 已安装 { $path }：以后每次提交前都会先运行 `council check`
hook-exists = `{ $path }` 已经存在，而且不是 council 装的；council 不会覆盖它
hook-exists-help = 在你的钩子脚本里加上一行 `{ $line }`
hook-staged-differs = 说明：`{ $file }` 在文件夹里的内容，和这次要提交的（`git add` 加进去的）不一样；如果你已经改好了，运行 `git add { $file }`，再提交一次
hook-refused = 这次提交没有完成：先改正上面的错误，用 `git add` 加入改好的文件，再提交（一定要先提交的话：`git commit --no-verify`）
not-a-repository = `{ $path }` 不在 git 仓库里
not-a-repository-help = 先在网站的文件夹里运行 `git init`

## council build
build-refused = 错误：没有发布：先改正上面的错误（输出文件夹没有任何改动）
build-done = 已生成 { $pages } 个页面（{ $files } 个文件），用时 { $seconds } 秒：写入 { $written } 个，未改动 { $unchanged } 个，删除 { $removed } 个 -> { $output }
build-cached = 自上次生成到这个文件夹以来，网站的任何内容都没有变化，所以没有重新生成页面
history-none-repository = 网站不在 git 仓库里，生成的网站没有修改历史
history-none-ignored = 网站所在的文件夹被 git 仓库忽略了，生成的网站没有修改历史
history-none-shallow = 这是一个浅克隆（只有部分历史），生成的网站没有修改历史（源文件仍与该提交逐一核对）
history-none-empty = 仓库里还没有任何提交，生成的网站没有修改历史
output-symlink = 输出文件夹是一个快捷方式（符号链接）；请给出真正的文件夹
output-is-file = 这是一个文件，不是文件夹
output-is-site = 这是网站文件夹本身，或者包含网站文件夹；请发布到 `public` 这样的文件夹
output-in-sources = 它在网站的 `{ $folder }` 文件夹里面；请发布到 `public` 这样的文件夹（否则网站会被发布到它自己里面）
base-url-option-bad = 不能使用 `--base-url { $url }`：{ $problem }
base-url-option-bad-help = 写网站发布的完整地址，例如 `--base-url https://yishi.example.org/`
output-waiting = 注意：另一次生成正在写入 `{ $dir }`，等它完成
output-not-ours = 这个文件夹不是空的，也不是 council build 写的；请选一个空文件夹或新文件夹（council 会删掉不是它生成的文件）
output-collision = 有两样东西都要发布到 `{ $path }`；给和自动生成的页面冲突的静态文件或页面改个名
notice-period-error = 无法计算 { $date } 所作决定的公示期：{ $detail }
qr-code-error = 无法为 `{ $data }` 生成二维码：{ $detail }
page-not-published = `{ $what }` 没有发布
theme-missing = site.toml 里写的主题 `{ $name }` 不在 themes/{ $name }/ 里
theme-missing-help = 建立这个文件夹，或者删掉 site.toml 里的 `theme`，使用自带的主题
theme-file-problem = { $file }：{ $problem }
theme-not-utf8 = 主题文件 `{ $path }` 不是 UTF-8 编码
theme-file-toml = 主题文件 `{ $path }`：{ $detail }
theme-no-strings = 主题没有语言 `{ $lang }` 的界面文字
theme-no-strings-help = 添加 themes/<主题>/{ $path }，可以从 i18n/en.toml 复制一份开始
theme-strings-missing = 主题的 i18n/{ $lang }.toml 缺少 i18n/{ $default }.toml 里有的文字：{ $keys }
template-error-at = 模板 `{ $name }` 第 { $line } 行：{ $detail }
template-error-in = 模板 `{ $name }`：{ $detail }
template-error = 模板出错：{ $detail }

## council serve
serve-serving = 正在预览 { $path }，地址 { $url }（按 Ctrl-C 停止）
serve-loaded = 已读入 { $matters } 件事项，用时 { $ms } 毫秒
serve-loaded-errors = 已读入 { $matters } 件事项，用时 { $ms } 毫秒；有 { $errors } 个错误，显示在每个页面上方
serve-exposed = 警告：正在监听 { $address }，其他电脑也能看到预览
serve-stopped = 已停止
serve-misdirected = council serve 只回应 http://localhost 或 IP 地址的请求
serve-cannot-start = 无法启动预览服务：{ $detail }
serve-cannot-listen = 无法监听 { $address }：{ $why }
serve-cannot-watch = 无法监视网站文件夹：{ $detail }
serve-one-file = { $file }
serve-files = { $count } 个文件
serve-applied = { $what }：{ $status }，用时 { $ms } 毫秒
serve-status-errors = 有 { $errors } 个错误，显示在页面上方
serve-status-reloaded = 已重新读入整个网站
serve-status-rendered = 重新生成了 { $rendered } 个页面，另有 { $invalidated } 个页面在打开时生成
overlay-title = council check：{ $errors } 个错误——{ $note }。
overlay-last-good = 下面是最近一次没有错误时的网站
overlay-nothing = 改正之后才能显示网站

## council audit, council log
audit-no-repository = `{ $path }` 不在 git 仓库里，没有可以审计的历史
audit-no-repository-help = 运行 `git init` 并提交记录，或者审计议事会仓库的一个克隆
audit-ignored = `{ $path }` 所在的文件夹被 git 仓库忽略了，历史里没有它的任何记录
audit-ignored-help = 从 `.gitignore` 里去掉这个文件夹并提交记录，或者用 `git init` 给网站单独建一个仓库
audit-shallow = 这是一个浅克隆：历史不完整，按不完整的历史审计会得出错误的结论
audit-shallow-help = 用 `git fetch --unshallow` 取得完整的历史，再审计一次
audit-empty = 仓库里还没有任何提交
log-no-commit = 历史里没有任何提交涉及事项 `{ $matter }`
log-commits = { $count } 次提交
log-added = 新增 { $path }
log-changed = 修改 { $path }
log-deleted = 删除 { $path }
log-renamed = 改名 { $from } → { $path }
log-minutes-of = { $change }（{ $date } 的会议记录）
log-field-change = {"  "}{ $field } { $before } → { $after }
log-text-changed = {"  "}正文有改动
log-indented = {"  "}{ $line }
log-removed = {"  "}删除：{ $item }
log-added-item = {"  "}新增：{ $item }
log-item = { $what }（{ $details }）
log-item-plain = { $what }
log-votes = 票数 { $yes }/{ $no }/{ $abstain }
log-owner = 负责 { $owner }
log-due = 期限 { $due }
log-report = {"  "}状态 { $status }，进度 { $progress }%
log-feedback = {"  "}回访，{ $satisfaction }
sig-unsigned = 未签名
sig-verified = 签名已验证（{ $fingerprint }）
sig-unknown-key = 签名用的公钥不在名单里（{ $fingerprint }）
sig-bad = 签名验证不通过
sig-gpg = GPG 签名，这里无法验证

## issue 13: audit, log and verify
audit-not-owned = git 拒绝读取 `{ $path }` 所在的仓库：它属于另一个用户
audit-not-owned-help = 如果信任这个仓库，运行 `git config --global --add safe.directory <仓库文件夹>`
audit-bare-no-site = 裸仓库 `{ $path }` 的 HEAD 根目录下没有 site.toml
audit-bare-no-site-help = 请审计 HEAD 中含有网站的克隆，或者工作区中网站所在的文件夹
since-not-ancestor = `{ $rev }`（提交 { $commit }）不是 HEAD 的祖先：它之后的历史被改写过（变基、修改提交或强制推送），“它之后的每一次提交”已经无从谈起
since-not-ancestor-help = 请审计全部历史（不加 --since），或者用 `git range-diff` 找到替换它的提交，先核查那一段
history-none-not-owned = git 拒绝读取仓库（它属于另一个用户：见 `git config safe.directory`），生成的网站没有修改历史
log-path-twice = 网站文件夹只需给一次：`council log <事项> [路径]`
log-set-change = {"  "}{ $field } { $changes }
log-referred = 转交 { $to }
log-report-moved-here = {"  "}所属事项 { $before } → { $after }（移到本事项）
log-report-moved-away = {"  "}所属事项 { $before } → { $after }（移到另一事项）
sig-unsupported = 密钥类型不支持（{ $algorithm }），此处未验证
verify-site-not-a-folder = 不是文件夹；请给出网站副本所在的文件夹
verify-other-generator = 这份副本由 { $theirs } 生成，当前是 { $ours }：仅因版本不同，文件就可能有差异
verify-no-manifest = 副本中没有 data/manifest.json，它没有说明自己是从什么生成的（副本不完整，或者不是 council 生成的网站）
verify-manifest-unreadable = 无法读取 data/manifest.json：{ $detail }
verify-names-no-commit = 它没有写明提交
verify-no-commit = 副本没有写明它是从哪个提交生成的（{ $why }），因此无从证明
verify-commit-missing = 副本声明生成自提交 { $commit }，但这个仓库里没有这个提交：请先获取它（`git fetch origin { $commit }`）；或者它所在的历史已被改写，提交已不存在
verify-rewritten = 网站发布之后历史被改写过：提交 { $commit } 不是 HEAD（{ $head }）的祖先；它被变基、修改提交或强制推送替换了
verify-uncommitted = 副本说明它所用的源文件与提交 { $commit } 中的不一致：{ $sources }
verify-shallow = 仓库是浅克隆，无法重建副本中显示的历史；请用 `git fetch --unshallow` 获取全部历史
verify-hash-differs = `{ $path }`：data/manifest.json 中的 SHA-256 与提交 { $commit } 中该文件的不一致
verify-not-in-commit = data/manifest.json 列出了 `{ $path }`，但提交 { $commit } 中没有这个文件
verify-not-listed = 提交 { $commit } 中有 `{ $path }`，但 data/manifest.json 没有列出
verify-list-hash = data/manifest.json 中的清单哈希值与它所列的清单不符
verify-bad-signature = 提交 { $commit } 的签名验证不通过：提交在签名之后被改动过
verify-no-as-of = 副本没有写明记录截至哪一天（data/manifest.json 中的 `as_of`），无法重建
verify-does-not-build = 提交 { $commit } 无法生成网站：记录中有 { $errors } 个错误（对它的检出运行 `council check` 可以看到）
verify-missing = 副本中缺少 `{ $path }`（重建结果中有）
verify-extra = 副本中有 `{ $path }`，但重建结果中没有
verify-differs = `{ $path }` 与重建结果不同，从第 { $line } 行开始
verify-not-stated = （未写明）
verify-heading = 核验 { $site }，对照提交 { $commit }{"\u000A"}  记录截至 { $date }，网址 { $url }，由 { $generator } 生成
verify-mark-ok = 通过
verify-mark-fail = 不通过
verify-is-head = 它就是 HEAD
verify-commits-since = 此后还有 { $count } 次提交
verify-not-descended = HEAD 不是它的后代
verify-line-ancestry = { $mark }  提交在仓库中（{ $since }）
verify-line-manifest = { $mark }  清单：{ $files } 个源文件，{ $bad } 个与提交中的不一致
verify-line-rebuild = { $mark }  重建：{ $files } 个文件，{ $differing } 个不同，副本缺少 { $missing } 个，副本多出 { $extra } 个
verify-line-differs = {"        "}{ $path }，第 { $line } 行{"\u000A"}          副本：{ $copy }{"\u000A"}          重建：{ $rebuilt }
verify-line-signature = 信息  提交的签名：{ $label }
verify-ok = 通过：{ $site } 的每个文件都与提交 { $commit } 生成的一致
verify-failed = 错误：副本核验不通过（{ $count } 个问题）

# council aggregate (SPEC §10)
aggregate-refused = 错误：没有汇集：先改正 city.toml（输出文件夹没有任何改动）
aggregate-done = 读取了 { $sources } 个街道中的 { $read } 个（其中 { $parsed } 个有新记录），共 { $matters } 个事项；{ $files } 个文件，用时 { $seconds } 秒：写入 { $written } 个，未改动 { $unchanged } 个，删除 { $removed } 个 -> { $output }
aggregate-source-failed = 错误：来源 `{ $id }`：{ $why }；没有收录它（之前也没有汇集过）
aggregate-source-failed-kept = 错误：来源 `{ $id }`：{ $why }；改为显示它上次成功汇集（{ $date }）的数据，并标明“未更新”
city-missing = 这里没有 city.toml；请给出城市的 city.toml 所在的文件夹
city-not-utf8 = `{ $path }` 不是 UTF-8 文本；请另存为 UTF-8
fetch-not-found = `{ $at }` 不存在（找不到）
fetch-status = `{ $at }` 返回了 HTTP 状态码 { $status }
fetch-timeout = `{ $at }` 没有及时响应
fetch-too-large = `{ $at }` 超过 { $mib } MiB（如果确实这么大，请调大 --max-size）
fetch-redirect = `{ $at }` 重定向到 `{ $to }`，这不是 http 或 https 地址
fetch-unreachable = 无法读取 `{ $at }`：{ $detail }
harvest-not-json = `{ $file }` 不是 council 发布的 JSON：{ $detail }
harvest-version = `{ $file }` 的格式版本是 { $version }，这个版本的 council 不认识（请升级 council）
harvest-bad-value = `{ $file }` 中 `{ $field }` 的值 `{ $value }` 不是 council 会发布的值
harvest-after-today = 这个街道的数据截至 { $as_of }，晚于汇集日期 { $today }（请用更晚的 --today）
harvest-store = 无法写入汇集存储：{ $detail }
