# 每个命令和选项的 `--help` 说明，以及命令行本身的错误。

cli-about = 检查、审计和发布网格议事会的记录
cli-heading-usage = 用法：
cli-heading-commands = 命令
cli-heading-options = 选项
cli-heading-arguments = 参数
cli-arg-help = 显示帮助
cli-arg-version = 显示版本号
cli-arg-lang = 输出的语言：zh（中文）或 en（英文）（不写时依次看 COUNCIL_LANG、系统语言、网站的第一种语言，都没有就用英文）
cli-arg-path = 网站的文件夹（默认：当前文件夹，或者上面最近的一个放着 site.toml 的文件夹）
cli-arg-format = 输出格式：human（给人看）、json 或 github（默认：human）
cli-arg-deny-warnings = 有警告也算失败（退出码 1）
cli-arg-council = 议事会的代号，例如 `huangtai/grid-03`
cli-help = 显示 council 或某个命令的帮助
cli-help-command = 命令，例如 `check` 或 `new proposal`

cli-check = 检查记录，列出所有问题
cli-check-today = 按哪一天判断期限（年-月-日，例如 2022-04-02；默认：今天）
cli-check-explain = 显示一条规则的说明

cli-audit = 检查记录的 git 历史：谁在什么时候改了什么，有没有权限改
cli-audit-since = 只看这次提交之后的历史（提交编号、标签或分支）

cli-log = 从 git 历史看一件事的经过：`council log huangtai/grid-03/2025-001`
cli-log-matter = 议事会代号/提议编号

cli-serve = 边写边预览网站：文件一改就重新生成，打开的页面自动刷新
cli-serve-port = 端口（默认：1111；被占用时自动换一个空闲的；写 0 就用任意空闲端口）
cli-serve-bind = 监听的地址（默认：127.0.0.1）；写别的地址，其他电脑也能看到预览
cli-serve-today = 网站按哪一天显示（年-月-日；默认：今天）

cli-init = 新建一个议事会记录库，建好就能通过 `council check`
cli-init-dir = 要新建的文件夹（必须是空的或者还不存在；默认：当前文件夹）

cli-new = 按模板新建一份记录：自动取下一个编号，填好成员，标出要填写的地方
cli-new-proposal = 提议：proposals/<年份>-<序号>.md
cli-new-proposal-title = 事项的标题
cli-new-proposal-proposer = 提议人的公开称呼（例如“黄台路41号居民（23户）”）
cli-new-proposal-channel = 诉求的来源：applet（小程序）、visit（走访）、service-post（服务站）、meeting（会上）或 other（其他）（默认：other）
cli-new-proposal-date = 提出的日期（年-月-日；默认：今天）
cli-new-meeting = 会议记录：meetings/<日期>.md，填好在任成员，列出还没有结果的事项
cli-new-meeting-date = 开会的日期（年-月-日；默认：今天）
cli-new-report = 已通过事项的督办报告：reports/<日期>-<提议编号>.md
cli-new-report-matter = 议事会代号/提议编号，例如 `huangtai/grid-03/2025-001`
cli-new-report-date = 报告的日期（年-月-日；默认：今天）
cli-new-feedback = 事项有了最终结果后回访居民的记录：feedback/<日期>-<提议编号>.md
cli-new-feedback-matter = 议事会代号/提议编号，例如 `huangtai/grid-03/2025-001`
cli-new-feedback-date = 回访的日期（年-月-日；默认：今天）

cli-status = 每个议事会还欠居民什么：未答复、已逾期、快到期、很久没有督办、还没有回访的事项
cli-status-today = 按哪一天判断（年-月-日；默认：今天）
cli-status-format = 输出格式：human（给人看）或 json（默认：human）

cli-hook = git 钩子：`council hook install` 让每次提交前自动检查记录
cli-hook-install = 安装提交前检查：每次提交前检查要提交的记录
cli-hook-pre-commit = 检查 `git add` 加入、准备提交的记录（提交前检查运行的就是它）

cli-build = 检查记录，然后发布网站
cli-build-output = 输出的文件夹（默认：网站文件夹里的 `public`）
cli-build-today = 网站按哪一天发布（年-月-日；默认：今天）
cli-build-base-url = 网站发布的地址（代替 site.toml 里的 `base_url`）

## 命令行的错误
cli-error-unknown-argument = 没有 `{ $arg }` 这个选项
cli-error-unknown-command = 没有 `{ $command }` 这个命令
cli-error-value-missing = `{ $arg }` 后面要写一个值
cli-error-invalid-value = `{ $value }` 不能用作 `{ $arg }` 的值；可以写：{ $valid }
cli-error-date = `{ $value }` 不是日期（`{ $arg }`）；日期写成“年-月-日”，例如 2022-04-02
cli-error-bad-value = `{ $value }` 不能用作 `{ $arg }` 的值
cli-error-missing = 缺少：{ $args }
cli-error-missing-command = 缺少命令
cli-error-conflict = `{ $arg }` 不能和 `{ $other }` 一起用
cli-error-unexpected = 多了 `{ $value }`
cli-error-other = { $detail }
cli-error-more = 想了解更多，运行时加上 `--help`。

cli-audit-today = 提交日期不得晚于哪一天（YYYY-MM-DD；默认今天）
cli-log-path-option = 与“路径”相同（旧写法）
cli-verify = 对照仓库核验已发布网站的副本：它声明的提交、逐字节相同
cli-verify-path = 仓库：克隆中网站所在的文件夹，或裸克隆（默认当前文件夹）
cli-verify-site = 要核验的网站副本（例如用 `wget -m` 下载的）
cli-verify-format = 输出格式：human 或 json（默认 human）
cli-aggregate = 把 city.toml 列出的各街道汇集成一个索引（SPEC §10）
cli-aggregate-dir = 放着 city.toml 的文件夹（默认：当前文件夹）
cli-aggregate-output = 输出的文件夹（默认：city.toml 所在文件夹里的 `public`）
cli-aggregate-today = 汇集的日期（年-月-日；默认：今天）；数据日期晚于这一天的街道不读取
cli-aggregate-timeout = 下载超过这么多秒就放弃（默认：30）
cli-aggregate-max-size = 拒绝大于这么多 MiB 的文件（默认：512）
