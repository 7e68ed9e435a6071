# 检查记录和 git 历史时发现的问题。

## 代码对应的说法
outcome-adopted = 通过
outcome-rejected = 未通过
outcome-deferred = 暂缓
outcome-referred = 转交
state-submitted = 已提出
state-deliberating = 审议中
state-adopted = 已通过
state-implementing = 实施中
state-completed = 已完成
state-accepted = 已验收
state-rejected = 未通过
state-referred = 已转交
state-withdrawn = 已撤回
not-decided-yet = 还没有表决
privacy-id-number = 居民身份证号码
privacy-mobile = 手机号码
privacy-landline = 带区号的固定电话号码
privacy-email = 电子邮箱地址

## duplicate-id
duplicate-member = 成员编号 `{ $id }` 用了两次
duplicate-second-label = 第二次
duplicate-first-label = 第一次
duplicate-member-help = 每位成员用自己的编号，并核对记录里指的是哪一位
duplicate-proposal = 议事会 `{ $council }` 里有两份提议的编号都是 `{ $id }`
duplicate-proposal-help = 这个文件和 `{ $first }` 是同一个编号（编号不分大小写）：给其中一个改名

## unknown-member, member-not-serving
unknown-member = `{ $field }` 里的 `{ $id }` 不是议事会 `{ $council }` 的成员
unknown-member-label = 没有这位成员
unknown-member-help = 在 { $file } 里加上这位成员，或者改用已有成员的编号
unknown-member-name-help = `{ $name }` 是成员的姓名，这里要写成员编号：`{ $id }`
not-serving = `{ $field }` 里的 `{ $id }` 在 { $date } 不是在任成员
not-serving-label = 这一天不在任
serves-from-label = 从这一天起任职
served-until-label = 任职到这一天
not-serving-help = 核对记录的日期，以及 council.toml 里这位成员的 `from` 和 `to`；列席的人写在 `guests` 里

## unknown-proposal
unknown-proposal-item = 这个会议事项写的提议 `{ $id }`，议事会 `{ $council }` 没有
unknown-proposal-report = 这份督办报告写的提议 `{ $id }`，议事会 `{ $council }` 没有
unknown-proposal-label = 没有这份提议
unknown-proposal-help = 先添加 `{ $path }`，或者改用已有提议的编号

## 会议
attendance-incomplete = 在任成员 { $ids } 既不在出席名单里，也不在缺席名单里（共 { $count } 人）
attendance-label = 出席情况
attendance-incomplete-help = 照着签到表，把每位在任成员写进 `present`（出席）或 `absent`（缺席）
not-present-chair = 召集人 `{ $id }` 不在出席名单里
not-present-recorder = 记录人 `{ $id }` 不在出席名单里
not-present-label = 不在 `present` 里
not-present-help = 把 "{ $id }" 加到 `present` 里
present-and-absent = `{ $id }` 既写在出席名单里，又写在缺席名单里
listed-absent-label = 写为缺席
listed-present-label = 写为出席
present-and-absent-help = 只保留和签到表一致的那个名单，从另一个名单里删掉
quorum-not-met = 作出表决时，{ $serving } 位有表决权的成员只出席了 { $present } 位；法定人数是 { $quorum }（{ $needed } 位）
quorum-present-label = 出席 { $present } 位
quorum-not-met-help = 在至少有 { $needed } 位有表决权成员出席的会议上表决，或者把这一项记为 `action = "deliberate"`（审议）
votes-exceed = 票数合计 { $total } 票，但出席的有表决权成员只有 { $present } 位
votes-label = { $total } 票
votes-exceed-help = 对照签到表核对票数：每位出席的有表决权成员只投一票（赞成、反对或弃权）
outcome-contradicts-votes = 结果写的是 `{ $outcome }`，但按表决规则 `{ $majority }`，这些票数（赞成 { $yes }、反对 { $no }、弃权 { $abstain }）{ $carries ->
    [yes] 是通过的
   *[no] 不能通过
}
outcome-recorded-label = 记为 `{ $outcome }`
votes-plain-label = 票数
outcome-votes-help = 通过需要{ $rule }；对照会议记录核对票数和结果
majority-present-words = 赞成票超过出席的 { $present } 位有表决权成员的一半（至少 { $needed } 票赞成）
majority-cast-words = 赞成票多于反对票
majority-two-thirds-words = 赞成票至少占出席的 { $present } 位有表决权成员的三分之二（至少 { $needed } 票赞成）

## 事项的进程
withdrawn-before-meeting = `{ $id }` 在这次会议之前已经撤回
withdrawn-matter-label = 已撤回的事项
withdrawn-here-label = 在这一天撤回
withdrawn-before-meeting-help = 删掉这个会议事项；如果居民又提出了这件事，另提一份新提议
already-decided = `{ $id }` 已经在 { $date } 的会议上{ $outcome }
decided-again-label = 又表决了一次
earlier-decision-label = 之前的决定
already-decided-help = 把这一项记为 `action = "deliberate"`（审议）；如果事情有了变化，另提一份新提议
before-submission = 关于 `{ $id }` 的{ $what }日期是 { $date }，早于提议的提出日期 { $submitted }
dated-label = 日期 { $date }
before-submission-help = 对照纸质记录核对两个日期，改正写错的那个
overdue = `{ $matter }` 已经逾期：期限是 { $due }，已过去 { $late } 天，现在仍是“{ $state }”
overdue-label = 已过期限
overdue-help = 督促实施单位落实，并提交督办报告；如果议事会同意延期，就在报告里写 `status = "delayed"` 并说明原因
unanswered = `{ $matter }` 已经等了 { $waiting } 天还没有上会（期限是 { $limit } 天）
unanswered-help = 把这件事列入下次会议的议程：加一个 `action = "deliberate"`（审议）的会议事项
progress-incomplete = 状态是 `{ $status }`，进度却只有 { $progress }%
progress-below-label = 不到 100
status-label = 状态
progress-incomplete-help = 如果已经完工，写 `progress = 100`；没完工的话，状态改用 `on-track`、`delayed` 或 `blocked`
progress-regressed = `{ $id }` 的进度从 { $before }% 降到了 { $now }%
progress-lower-label = 比上次低
previous-report-label = 上一份报告
progress-regressed-help = 改正数字；如果确实有返工，在报告正文里说明
report-after-acceptance = `{ $id }` 验收以后又有督办报告
after-acceptance-label = 在验收之后
accepted-here-label = 在这里验收
report-after-acceptance-help = 事项验收后就办结了：重新开工的事另提一份新提议；如果报告写错了事项，改正它的 `proposal`
report-before-adoption = 关于 `{ $id }` 的督办报告日期是 { $date }，那时这件事{ $state }
no-adoption-label = 这一天之前没有通过
report-before-adoption-help = 核对报告的 `date` 和 `proposal`：督办从表决通过的那次会议之后开始

## dated-after-today, name-date-mismatch
dated-after-today = `{ $field }` 是 { $date }，晚于今天（{ $today }）：到那一天之前，网站不会公开这份记录
dated-after-today-label = 晚于今天
dated-after-today-help = 如果年份或月份写错了，改正它；如果 { $date } 没错，这只是提醒：到了那一天，记录会自动公开
name-date-mismatch = 文件名里的日期是 { $named }，但 `date` 写的是 { $date }
name-date-mismatch-label = 文件名里是 { $named }
name-date-mismatch-help = 如果 { $date } 是对的，把文件改名为 `{ $renamed }`；如果文件名里的日期是对的，改成 `{ $fixed }`

## 公开的文字
link-outside = { $what } `{ $dest }` 指向网站以外
link-outside-label = 网站以外
link-outside-help = 只链接网站里的记录、页面和文件
link-broken = { $what } `{ $dest }` 指向 `{ $path }`，这个文件不存在
link-broken-label = 找不到
link-broken-help = 链接从这个文件算起：会议记录里链接提议写 `../proposals/<编号>.md`，链接附件写 `../files/<文件名>`
personal-data = 公开的文字里有{ $what }
personal-data-label = 已遮住
personal-data-help = 用公开的身份称呼人（例如“3号楼居民代表”）；应当公开的办公电话可以写进 site.toml 的 `[privacy] allow`
unsafe-html = 直接写的 HTML：发布时会删掉{ $what }
removed-label = 会被删掉
unsafe-html-help = 用普通的 Markdown 写，不要写 HTML；脚本、事件处理属性和样式都不会出现在网站上
unsafe-link = 地址以 `{ $scheme }:` 开头的{ $what }发布时会被删掉
unsafe-link-help = 网页链接写 `https://…`，链接记录写相对路径
removed-tag = `<{ $name }>` 标签
removed-handler = `<{ $name }>` 上的事件处理属性 `{ $attr }`
unsafe-svg = SVG 图片：发布时会删掉{ $what }
unsafe-svg-help = 重新导出这张图，不带脚本、链接和嵌入的网页；发布的图片只保留图形本身
unsafe-too-deep = 正文里的 HTML 元素嵌套了 { $depth } 层（最多 { $max } 层）：这段正文里的 HTML 会作为文字原样发布
unsafe-too-deep-label = 从这里开始嵌套太深
unsafe-too-deep-help = 用 Markdown 写这段文字，或者把打开的每个 HTML 元素都关上
removed-element = `<{ $name }>` 元素
removed-style-element = 加载其他内容的 `<style>`
removed-address = `<{ $name }>` 里的地址 `{ $address }`
removed-loading-attribute = `<{ $name }>` 上会加载其他内容的属性 `{ $attr }`
removed-attribute = `<{ $name }>` 上的属性 `{ $attr }`
removed-url = `<{ $name }>` 里以 `{ $scheme }:` 开头的地址

## git 历史（council audit）
unauthorized-commit = { $author } 的提交改动了议事会 `{ $key }`，但提交人不是它的在任秘书（{ $secretaries }）
unauthorized-commit-help = 议事会 `{ $key }` 的记录由秘书提交；如果换了新秘书，先由现任秘书在 councils/{ $key }/council.toml 里写上新秘书的 `git` 邮箱并提交；如果这是秘书的另一个邮箱，在 .mailmap 里把它对应到秘书的邮箱
unsigned-commit = 议事会 `{ $key }` 要求提交必须签名，而 { $author } 的这次提交{ $why }
unsigned-commit-help = 用自己的 SSH 密钥签名提交（`git config gpg.format ssh`、`git config commit.gpgsign true`），并把公钥写进自己成员信息的 `keys` 里
sig-why-unsigned = 没有签名
sig-why-gpg = 用的是 GPG 签名，这里无法验证（请用 SSH 密钥）
sig-why-unknown-key = 的签名公钥不在提交人邮箱对应成员的名单里（{ $fingerprint }）
sig-why-bad = 的签名验证不通过
record-deleted = { $author } 的提交删除了已提交的记录 `{ $path }`
record-deleted-help = 记录永远不删除：不再推进的事项写上 `withdrawn`（撤回日期）和 `withdrawn_reason`（撤回原因）
record-renamed = { $author } 的提交把已提交的记录 `{ $from }` 改名为 `{ $to }`
record-renamed-help = 记录改名后，所有指向它的链接和编号都会失效：请保留原来的文件名
decision-rewritten = { $author } 的提交改写了已提交的会议记录：{ $changes }
changed-here-label = 改在这里
decision-rewritten-help = 决定一经提交就不能事后修改；如果会议记录确实写错了，在提交说明里写清楚，并请议事会确认这次更正
change-date = 日期 { $before } → { $after }
change-present = 出席名单 { $changes }
change-decision-removed = 删除了对 `{ $id }` 的表决
change-decision-added = 增加了对 `{ $id }` 的表决
change-field = `{ $id }` 的 { $field } { $before } → { $after }
dated-in-future = { $author } 在 { $committed } 第一次提交，但记录的日期是 { $date }
later-date-label = 更晚的日期
dated-in-future-help = 如果是笔误，改正日期；记录要在会议或事情发生之后再提交
late-filing = { $date } 的会议记录在 { $late } 天后（{ $committed }）才第一次提交（期限是 { $limit } 天）
meeting-date-label = 会议日期
late-filing-help = 会议记录要在会后一周内提交；如果是后来补录的旧记录，在提交说明里写明
audit-authorisation-off = 议事会 `{ $key }` 不核查提交人：council.toml 里的在任秘书都没有写 `git` 邮箱

## issue 13: the audit's holes
decision-rewritten-renamed = { $author } 的提交把会议记录 `{ $from }` 改了名，同时改写了决议：{ $changes }
decision-rewritten-restored = { $author } 的提交恢复了已删除的会议记录，但决议与原来不同：{ $changes }
decision-rewritten-compared = { $finding }（与能读取的上一个版本比较，在提交 { $commit } 中）
commit-dated-in-future = { $author } 的提交日期在未来：{ $why }
commit-author-after-commit = 作者日期 { $authored } 晚于提交日期 { $committed }
commit-after-today = 日期是 { $date }，晚于今天（{ $today }）
commit-dated-in-future-help = 审计按提交日期判断各项规则：请检查提交所用电脑的时钟，不要用 `--date` 写未来的日期提交
sig-why-unsupported = 使用的是 `{ $algorithm }` 类型的密钥签名，council 无法验证（签名可能是有效的：可以用 `git verify-commit` 检查）
mailmap-onto-secretary = { $author } 的提交在 .mailmap 里把 <{ $alias }> 对应到 <{ $address }>，这是议事会 `{ $key }` 的秘书 `{ $member }` 的邮箱；只有该议事会的秘书才能这样做
mailmap-onto-secretary-help = 请由 `{ $key }` 的秘书提交这条对应关系，或者把这个邮箱写进 councils/{ $key }/council.toml 中该成员的 `git`
author-with-address = { $name } <{ $email }>
author-with-mapped-address = { $name } <{ $email }>（经 .mailmap 对应到 <{ $mapped }>）

## issue 10: referrals and return visits (SPEC §8)
unknown-council-referral = `{ $value }` 写成了议事会编号的样子，但本网站没有这个议事会
unknown-council-label = 没有这个议事会
unknown-council-help = 议事会编号就是它在 `councils/` 下的文件夹路径，例如 `huangtai/joint`；网站以外的单位写全称
unknown-council-from = `referred_from`（承接自）写的议事会 `{ $key }` 本网站没有
unknown-council-proposal = `referred_from`（承接自）写的提议 `{ $id }`，议事会 `{ $key }` 没有
unknown-council-proposal-label = 没有这份提议
unknown-council-proposal-help = `referred_from` 写原议事会的编号和原提议的编号；请查看 `{ $folder }`
referral-to-itself = 转交给了 `{ $key }`，也就是作出决定的议事会自己
referral-to-itself-label = 转交给自己
referral-to-itself-help = 写明事项转到哪里：另一个议事会的编号，或网站以外单位的全称；要在本议事会以后再议，就决定 `outcome = "deferred"`（暂缓）
referral-not-here = `{ $matter }` 并没有转交给议事会 `{ $key }`
referral-not-here-label = 没有转交到本议事会
referral-elsewhere-label = 实际转交到这里
referral-elsewhere-help = 事项在它被转交去的议事会接着办：请核对 `referred_from`，或转交决定的 `referred_to`
referral-missing-help = 先录入转交决定：在 `{ $from }` 的会议记录里写 `outcome = "referred"` 和 `referred_to = "{ $key }"`
referral-before = 提出日期是 { $submitted }，早于 `{ $matter }` 在 { $date } 转交过来的日期
referral-before-label = 早于转交
referral-here-label = 在这里转交
referral-before-help = 承接的提议在转交当天或之后登记：请核对 `submitted` 和那次会议的日期
referral-twice = `{ $matter }` 已经由 `{ $other }` 承接了
referral-twice-label = 重复承接
referral-first-label = 先在这里承接
referral-twice-help = 一个转交来的事项只登记一次：重复的那份用 `withdrawn = <日期>` 和 `withdrawn_reason` 撤回
referral-unanswered = `{ $matter }` 转交给 `{ $key }` 已经 { $days } 天，对方还没有登记这个事项（期限是 { $limit } 天）
referral-unanswered-label = 还没有登记
referral-unanswered-help = 由 `{ $key }` 把事项登记为自己的提议，写上 `referred_from = "{ $matter }"`
visit-before-outcome = 关于 `{ $id }` 的回访日期是 { $date }，早于事项在 { $final_date } 成为“{ $state }”
visit-without-outcome = 关于 `{ $id }` 的回访，但这个事项还没有最终结果（现在是“{ $state }”）
visit-before-outcome-label = 早于最终结果
visit-before-outcome-help = 回访是告诉居民办理结果：日期不能早于作出决定（不通过、转交）、验收或撤回的那一天；办理过程中的走访写进督办报告
feedback-missing = `{ $matter }` 从 { $final_date } 起已经是“{ $state }”（{ $days } 天），还没有回访记录（期限是 { $limit } 天）
feedback-missing-help = 回访提出事项的居民，告诉他们结果，并记录这次回访：`council new feedback { $matter }`
